package dev.kggateway.ner;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a HuggingFace {@code tokenizer.json} equivalent to BERT's FullTokenizer (lower-casing, whitespace and
 * punctuation split, greedy WordPiece) for a seed-style model that only ships {@code vocab.txt}.
 */
final class BertTokenizerJson {

    private BertTokenizerJson() {
    }

    static Path fromVocab(Path vocabTxt) {
        try {
            List<String> pieces = Files.readAllLines(vocabTxt, StandardCharsets.UTF_8);
            ObjectMapper json = new ObjectMapper();
            ObjectNode root = json.createObjectNode();
            root.put("version", "1.0");
            root.putNull("truncation");
            root.putNull("padding");
            root.putArray("added_tokens");
            ObjectNode normalizer = root.putObject("normalizer");
            normalizer.put("type", "BertNormalizer");
            normalizer.put("clean_text", true);
            normalizer.put("handle_chinese_chars", true);
            normalizer.putNull("strip_accents");
            normalizer.put("lowercase", true);
            root.putObject("pre_tokenizer").put("type", "BertPreTokenizer");
            root.putNull("post_processor");
            ObjectNode decoder = root.putObject("decoder");
            decoder.put("type", "WordPiece");
            decoder.put("prefix", "##");
            decoder.put("cleanup", true);
            ObjectNode model = root.putObject("model");
            model.put("type", "WordPiece");
            model.put("unk_token", "[UNK]");
            model.put("continuing_subword_prefix", "##");
            model.put("max_input_chars_per_word", 100);
            ObjectNode vocab = model.putObject("vocab");
            for (int i = 0; i < pieces.size(); i++) {
                String piece = pieces.get(i).strip();
                if (!piece.isEmpty() && !vocab.has(piece)) {
                    vocab.put(piece, i);
                }
            }
            Path out = Files.createTempDirectory("kg-seed-tokenizer").resolve("tokenizer.json");
            json.writeValue(out.toFile(), root);
            out.toFile().deleteOnExit();
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("cannot build a tokenizer from " + vocabTxt + ": " + e.getMessage(), e);
        }
    }
}
