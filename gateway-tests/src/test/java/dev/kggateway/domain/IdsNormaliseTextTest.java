package dev.kggateway.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link Ids#normaliseText} skips its whitespace regex when there is nothing to collapse: its results must stay those
 * of the plain definition (NFC, lower case, every {@code \s+} run to one space, stripped) for every kind of whitespace.
 */
class IdsNormaliseTextTest {

    private static String byDefinition(String value) {
        return Normalizer.normalize(value, Normalizer.Form.NFC).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ")
                .strip();
    }

    @Test
    void sameAsTheRegexDefinitionOnMixedWhitespace() {
        String[] fixed = {"", " ", "a", "A B", "a  b", "a\tb", "a\nb", "a\u000Bb", "a\fb", "a\rb", " a ", "a \t b",
                "a\u00A0b", "a\u2003b", "a\u3000 b", "Caf\u0065\u0301", "x ", "  x", "a b c", "a\r\n\r\nb"};
        for (String s : fixed) {
            assertEquals(byDefinition(s), Ids.normaliseText(s), "for " + s.codePoints().boxed().toList());
        }
        String alphabet = "aZ9 \t\n\u000B\f\r\u00A0\u2003\u3000\u0301.";
        Random random = new Random(7);
        for (int i = 0; i < 5000; i++) {
            StringBuilder v = new StringBuilder();
            int length = random.nextInt(8);
            for (int j = 0; j < length; j++) {
                v.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String s = v.toString();
            assertEquals(byDefinition(s), Ids.normaliseText(s), "for " + s.codePoints().boxed().toList());
        }
    }
}
