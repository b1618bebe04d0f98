package dev.doppel.mask.fake;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Build step: writes every supported locale's word lists, taken from Datafaker, as resources beside the classes
 * ({@code dev/doppel/mask/fake/vocabulary/<tag>.txt}), so that a run reads them instead of loading Datafaker's YAML.
 * Run by the Maven build (exec-maven-plugin, process-classes); the lists are the same ones Datafaker gives at run
 * time, and a test checks that they agree.
 */
public final class VocabularyExport {
    private VocabularyExport() {}

    /** @param args the classes folder */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: VocabularyExport CLASSES_FOLDER");
        }
        Path base = Path.of(args[0]).resolve("dev/doppel/mask/fake");
        for (LocaleProfile profile : LocaleProfile.values()) {
            Path file = base.resolve(Vocabulary.resource(profile.locale));
            Files.createDirectories(file.getParent());
            String text = Vocabulary.fromDatafaker(profile.locale).write();
            Path temp = file.resolveSibling(file.getFileName() + ".part");
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            Files.move(temp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
