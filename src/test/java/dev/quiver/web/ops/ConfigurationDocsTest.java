package dev.quiver.web.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.web.QuiverProperties;
import java.io.IOException;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.util.unit.DataSize;

/**
 * Keeps the configuration documentation from drifting: the README table (README.md, between the
 * config-table markers) lists exactly the properties of {@link QuiverProperties} with their defaults and
 * environment variables, application.properties sets each one to its default, and each environment
 * variable really binds to its property.
 */
class ConfigurationDocsTest {
  static final Path DOC = Path.of("README.md");
  static final Path PROPERTIES = Path.of("src/main/resources/application.properties");
  /**
   * Property name -> default, from the record components and their @DefaultValue annotations; "" for an
   * empty default or none (the table shows those as a parenthesised remark, not a value).
   */
  static Map<String, String> declared() {
    Map<String, String> properties = new LinkedHashMap<>();
    collect("quiver", QuiverProperties.class, properties);
    return properties;
  }

  private static void collect(String prefix, Class<?> type, Map<String, String> into) {
    RecordComponent[] components = type.getRecordComponents();
    Parameter[] parameters; // @DefaultValue sits on the canonical constructor's parameters
    try {
      parameters = type.getDeclaredConstructor(
          Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new)).getParameters();
    } catch (NoSuchMethodException e) {
      throw new AssertionError(e);
    }
    for (int i = 0; i < components.length; i++) {
      RecordComponent component = components[i];
      String name = prefix + "." + kebab(component.getName());
      DefaultValue value = parameters[i].getAnnotation(DefaultValue.class);
      if (component.getType().isRecord()) {
        collect(name, component.getType(), into);
      } else {
        into.put(name, value == null || value.value().length == 0 ? "" : String.join(",", value.value()));
      }
    }
  }

  static String kebab(String camel) {
    return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
  }

  /** Spring Boot's canonical environment variable of a property. */
  static String environmentVariable(String property) {
    return property.replace("-", "").replace('.', '_').toUpperCase(Locale.ROOT);
  }

  /** The rows of the table: property -> [environment variable, default]. */
  static Map<String, List<String>> documented() throws IOException {
    String doc = Files.readString(DOC);
    String table = doc.substring(doc.indexOf("<!-- config-table:begin -->"), doc.indexOf("<!-- config-table:end -->"));
    Map<String, List<String>> rows = new LinkedHashMap<>();
    for (String line : table.lines().toList()) {
      if (!line.startsWith("| `")) {
        continue;
      }
      String[] cells = line.split("\\|");
      String property = unquote(cells[1]);
      String defaultCell = cells[3].strip();
      String defaultValue = defaultCell.startsWith("(") ? "" : unquote(defaultCell);
      rows.put(property, List.of(unquote(cells[2]), defaultValue));
    }
    return rows;
  }

  private static String unquote(String cell) {
    String s = cell.strip();
    return s.startsWith("`") && s.endsWith("`") ? s.substring(1, s.length() - 1) : s;
  }

  @Test
  void theTableListsEveryPropertyWithItsDefaultAndEnvironmentVariable() throws IOException {
    Map<String, List<String>> expected = new LinkedHashMap<>();
    declared().forEach((name, value) -> expected.put(name, List.of(environmentVariable(name), value)));
    assertThat(documented())
        .as("the configuration table of README.md; expected rows:%n%s", expected.entrySet().stream()
            .map(e -> "| `" + e.getKey() + "` | `" + e.getValue().get(0) + "` | "
                + (e.getValue().get(1).isEmpty() ? "(unset)" : "`" + e.getValue().get(1) + "`") + " | ... |")
            .collect(Collectors.joining("\n")))
        .containsExactlyEntriesOf(expected);
  }

  @Test
  void applicationPropertiesSetsEveryPropertyToItsDefault() throws IOException {
    Properties properties = new Properties();
    try (var in = Files.newInputStream(PROPERTIES)) {
      properties.load(in);
    }
    declared().forEach((name, value) -> {
      if (value.isEmpty()) { // no default: not set, or set empty
        assertThat(properties.getProperty(name, "")).as(name + " in application.properties").isEmpty();
      } else {
        assertThat(properties.getProperty(name)).as(name + " in application.properties").isEqualTo(value);
      }
    });
  }

  @Test
  void everyEnvironmentVariableBindsToItsProperty() {
    Map<String, Object> environment = new LinkedHashMap<>();
    environment.put("QUIVER_STORAGE_DIR", "/srv/quiver");
    environment.put("QUIVER_STORAGE_QUOTA", "100GB");
    environment.put("QUIVER_STORAGE_TIMETOLIVE", "7d");
    environment.put("QUIVER_LIMITS_MAXUPLOADBYTES", "16GB");
    environment.put("QUIVER_LIMITS_MAXBATCHSIZE", "5000");
    environment.put("QUIVER_LIMITS_DEFAULTBATCHSIZE", "1000");
    environment.put("QUIVER_IPC_MAXMETADATABYTES", "1000001");
    environment.put("QUIVER_IPC_MAXBODYBYTES", "1000002");
    environment.put("QUIVER_IPC_MAXNESTINGDEPTH", "11");
    environment.put("QUIVER_IPC_MAXFIELDS", "12");
    environment.put("QUIVER_IPC_MAXBATCHVALUES", "1000003");
    environment.put("QUIVER_JSON_MAXNESTINGDEPTH", "13");
    environment.put("QUIVER_JSON_MAXSTRINGLENGTH", "14");
    environment.put("QUIVER_AUTH_TOKEN", "from-the-environment");
    assertThat(environment.keySet())
        .containsExactlyInAnyOrderElementsOf(declared().keySet().stream()
            .map(ConfigurationDocsTest::environmentVariable).toList());

    StandardEnvironment spring = new StandardEnvironment();
    spring.getPropertySources().addFirst(new SystemEnvironmentPropertySource(
        "test-" + StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, environment));
    ConfigurationPropertySources.attach(spring);
    QuiverProperties bound = Binder.get(spring).bind("quiver", QuiverProperties.class).get();
    assertThat(bound.storage().dir()).isEqualTo("/srv/quiver");
    assertThat(bound.storage().quota()).isEqualTo(DataSize.ofGigabytes(100));
    assertThat(bound.storage().timeToLive()).isEqualTo(Duration.ofDays(7));
    assertThat(bound.limits().maxUploadBytes()).isEqualTo(DataSize.ofGigabytes(16));
    assertThat(bound.limits().maxBatchSize()).isEqualTo(5000);
    assertThat(bound.limits().defaultBatchSize()).isEqualTo(1000);
    assertThat(bound.ipc().maxMetadataBytes()).isEqualTo(1000001);
    assertThat(bound.ipc().maxBodyBytes()).isEqualTo(1000002);
    assertThat(bound.ipc().maxNestingDepth()).isEqualTo(11);
    assertThat(bound.ipc().maxFields()).isEqualTo(12);
    assertThat(bound.ipc().maxBatchValues()).isEqualTo(1000003);
    assertThat(bound.json().maxNestingDepth()).isEqualTo(13);
    assertThat(bound.json().maxStringLength()).isEqualTo(14);
    assertThat(bound.auth().token()).isEqualTo("from-the-environment");
    assertThat(bound.auth().enabled()).isTrue();
    assertThat(bound.auth().toString()).doesNotContain("from-the-environment");
  }

  @Test
  void withNothingSetTheDefaultsApplyAndAuthenticationIsOff() {
    QuiverProperties defaults = Binder.get(new StandardEnvironment())
        .bindOrCreate("quiver", QuiverProperties.class);
    assertThat(defaults.auth().enabled()).isFalse();
    assertThat(defaults.storage().dir()).isEqualTo("data");
    assertThat(defaults.limits().maxUploadBytes()).isEqualTo(DataSize.ofGigabytes(4));
  }
}
