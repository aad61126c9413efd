import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Build step (run by exec-maven-plugin as a single-file program, JEP 330): stages the official OCPP 1.6
 * schemas for code generation, one folder per action, each file copied byte for byte under a new name.
 *
 * <p>Why: the 1.6 schemas define every nested type inline, and two actions define different types of the
 * same name ({@code sampledValue} in MeterValues and StopTransaction, {@code CertificateHashDataType} in
 * DeleteCertificate and GetInstalledCertificateIdsResponse). jsonschema2pojo derives packages from folders,
 * so a folder per action gives each action its own package and no {@code SampledValue__1}. The request
 * file {@code <Action>.json} is staged as {@code <Action>Request.json} so the class names match 2.x.
 *
 * <p>Usage: {@code java StageV16Schemas.java <v16 schema dir> <staging dir>}
 */
public class StageV16Schemas {
    public static void main(String[] args) throws IOException {
        Path source = Path.of(args[0]);
        Path target = Path.of(args[1]);
        try (Stream<Path> files = Files.list(source)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList()) {
                String name = file.getFileName().toString();
                String base = name.substring(0, name.length() - ".json".length());
                boolean response = base.endsWith("Response");
                String action = response ? base.substring(0, base.length() - "Response".length()) : base;
                Path folder = target.resolve(action.toLowerCase(Locale.ROOT));
                Files.createDirectories(folder);
                Files.copy(file, folder.resolve(response ? name : action + "Request.json"),
                        StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
    }
}
