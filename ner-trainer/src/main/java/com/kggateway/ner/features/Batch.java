package com.kggateway.ner.features;

import java.util.Arrays;
import java.util.List;

/** Windows padded to a common length, flattened row-major as the TF placeholders expect. */
public final class Batch {
    public final int size;
    public final int seqLength;
    public final int[] inputIds;
    public final int[] inputMask;
    public final int[] typeIds;
    public final int[] labels;
    /** Word feature id per position (PAD_ID = 0 for specials and padding). */
    public final int[] featureIds;

    private Batch(int size, int seqLength) {
        this.size = size;
        this.seqLength = seqLength;
        this.inputIds = new int[size * seqLength];
        this.inputMask = new int[size * seqLength];
        this.typeIds = new int[size * seqLength];
        this.labels = new int[size * seqLength];
        this.featureIds = new int[size * seqLength];
        Arrays.fill(labels, -1);
    }

    /** @param seqLength pad length; must be at least the longest window ([PAD] id is 0) */
    public static Batch of(List<EncodedWindow> windows, int seqLength) {
        Batch b = new Batch(windows.size(), seqLength);
        for (int r = 0; r < windows.size(); r++) {
            EncodedWindow w = windows.get(r);
            if (w.length() > seqLength) {
                throw new IllegalArgumentException("window longer than " + seqLength);
            }
            System.arraycopy(w.inputIds(), 0, b.inputIds, r * seqLength, w.length());
            System.arraycopy(w.labels(), 0, b.labels, r * seqLength, w.length());
            System.arraycopy(w.featureIds(), 0, b.featureIds, r * seqLength, w.length());
            Arrays.fill(b.inputMask, r * seqLength, r * seqLength + w.length(), 1);
        }
        return b;
    }

    public static Batch padToLongest(List<EncodedWindow> windows) {
        int max = windows.stream().mapToInt(EncodedWindow::length).max().orElse(2);
        return of(windows, max);
    }
}
