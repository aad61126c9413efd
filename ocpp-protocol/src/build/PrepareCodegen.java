import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Build step run before jsonschema2pojo (exec-maven-plugin runs it as a single-file program, JEP 330).
 *
 * <p>1. Stages the official OCPP 1.6 schemas for code generation, one folder per action, each file copied
 * byte for byte under a new name. The 1.6 schemas define every nested type inline, and two actions define
 * different types of the same name ({@code sampledValue} in MeterValues and StopTransaction,
 * {@code CertificateHashDataType} in DeleteCertificate and GetInstalledCertificateIdsResponse). jsonschema2pojo
 * derives packages from folders, so a folder per action gives each action its own package and no
 * {@code SampledValue__1}. {@code <Action>.json} is staged as {@code <Action>Request.json} so that class names
 * match 2.x.
 *
 * <p>2. Deletes previously compiled generated classes. jsonschema2pojo does not generate a type whose
 * {@code javaType} already exists on the project classpath, and target/classes is on it: without this step a
 * second build without {@code clean} would lose every 2.x enum.
 *
 * <p>Usage: {@code java PrepareCodegen.java <v16 schema dir> <staging dir> [stale class dir...]}
 */
public class PrepareCodegen {
    public static void main(String[] args) throws IOException {
        for (int i = 2; i < args.length; i++) {
            deleteRecursively(Path.of(args[i]));
        }
        Path source = Path.of(args[0]);
        Path target = Path.of(args[1]);
        deleteRecursively(target);
        try (Stream<Path> files = Files.list(source)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList()) {
                String name = file.getFileName().toString();
                String base = name.substring(0, name.length() - ".json".length());
                boolean response = base.endsWith("Response");
                String action = response ? base.substring(0, base.length() - "Response".length()) : base;
                Path folder = target.resolve(action.toLowerCase(Locale.ROOT));
                Files.createDirectories(folder);
                Files.copy(file, folder.resolve(response ? name : action + "Request.json"),
                        StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
