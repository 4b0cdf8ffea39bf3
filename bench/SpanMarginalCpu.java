import dev.kggateway.ner.contract.BioDecoder;
import dev.kggateway.ner.contract.BioSpanMarginal;
import dev.kggateway.ner.contract.Predictions;
import dev.kggateway.ner.contract.TagSet;
import dev.kggateway.ner.contract.Words;
import java.util.List;
import java.util.Random;

/**
 * CPU cost of the span-marginal confidence beside the mean, per text: Viterbi tags + entities with MEAN, and the same
 * with SPAN_MARGINAL (forward–backward + one marginal per entity), on random peaked lattices over the standard 21
 * tags. What the gateway adds per description when a folder says "confidence": "span-marginal" (the model's own
 * inference, milliseconds, is not in it).
 * Run with bench/span-marginal-cpu.sh [WORDS=20] [TEXTS=20000].
 */
public class SpanMarginalCpu {
    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int texts = args.length > 1 ? Integer.parseInt(args[1]) : 20000;
        TagSet tags = TagSet.standard();
        Random random = new Random(1);
        float[][][] lattices = new float[200][n][tags.size()];
        for (float[][] lattice : lattices) {
            for (float[] p : lattice) {
                double sum = 0;
                for (int t = 0; t < p.length; t++) {
                    p[t] = (float) Math.pow(random.nextDouble(), 8); // peaked, as a trained model's output is
                    sum += p[t];
                }
                for (int t = 0; t < p.length; t++) {
                    p[t] /= sum;
                }
            }
        }
        String text = String.join(" ", java.util.Collections.nCopies(n, "word"));
        List<Words.Word> words = Words.split(text);
        for (int round = 0; round < 3; round++) { // first rounds warm the JIT; the last one is reported
            for (BioDecoder.Confidence c : List.of(BioDecoder.Confidence.MEAN, BioDecoder.Confidence.SPAN_MARGINAL)) {
                long start = System.nanoTime();
                long entities = 0;
                for (int i = 0; i < texts; i++) {
                    entities += Predictions.entities(text, words, lattices[i % lattices.length], tags, 1.21,
                            dev.kggateway.ner.contract.Decoding.VITERBI, c, null, null).size();
                }
                double us = (System.nanoTime() - start) / 1e3 / texts;
                if (round == 2) {
                    System.out.printf("%d words x %d tags, %d texts, confidence %-13s %.1f us per text (%d entities)%n",
                            n, tags.size(), texts, c.id(), us, entities);
                }
            }
        }
    }
}
