package dev.kggateway.listing;

import java.util.Arrays;
import org.roaringbitmap.RoaringBitmap;

/**
 * The products of each property node, by node ordinal: a sorted {@code int[]} while a node has few products, a
 * {@link RoaringBitmap} once it has more than {@link #SMALL}. Most nodes of a catalogue have a handful of products
 * (BSBM 100k: 485k nodes, 5.8 products each on average), and an empty RoaringBitmap with one array container
 * already takes ~150 bytes (bitmap, its array, key and container arrays, container, content), where an array of six
 * ints takes 40 (BENCHMARKS.md, mem15b). Not thread-safe: the listing index calls it under its lock.
 */
final class NodeProducts {

    /** Above this many products a node's set becomes a bitmap (an array container: 2 bytes a product). */
    static final int SMALL = 32;

    private static final int[] NONE = new int[0];

    /** Per node: a sorted int[] of product ordinals (exact length) or a RoaringBitmap. */
    private Object[] sets = new Object[1024];
    private int size;

    /** Adds a node without products; returns its ordinal. */
    int addNode() {
        if (size == sets.length) {
            sets = Arrays.copyOf(sets, size * 2);
        }
        sets[size] = NONE;
        return size++;
    }

    int nodes() {
        return size;
    }

    void add(int node, int product) {
        if (sets[node] instanceof RoaringBitmap bitmap) {
            bitmap.add(product);
            return;
        }
        int[] small = (int[]) sets[node];
        int at = Arrays.binarySearch(small, product);
        if (at >= 0) {
            return;
        }
        at = -at - 1;
        int[] grown = new int[small.length + 1];
        System.arraycopy(small, 0, grown, 0, at);
        grown[at] = product;
        System.arraycopy(small, at, grown, at + 1, small.length - at);
        sets[node] = grown.length > SMALL ? RoaringBitmap.bitmapOf(grown) : grown;
    }

    void remove(int node, int product) {
        if (sets[node] instanceof RoaringBitmap bitmap) {
            bitmap.remove(product);
            return;
        }
        int[] small = (int[]) sets[node];
        int at = Arrays.binarySearch(small, product);
        if (at < 0) {
            return;
        }
        int[] shrunk = small.length == 1 ? NONE : new int[small.length - 1];
        System.arraycopy(small, 0, shrunk, 0, at);
        System.arraycopy(small, at + 1, shrunk, at, small.length - at - 1);
        sets[node] = shrunk;
    }

    int cardinality(int node) {
        return sets[node] instanceof RoaringBitmap bitmap ? bitmap.getCardinality() : ((int[]) sets[node]).length;
    }

    /** Products of the node that are in {@code matching}. */
    int andCardinality(int node, RoaringBitmap matching) {
        if (sets[node] instanceof RoaringBitmap bitmap) {
            return RoaringBitmap.andCardinality(bitmap, matching);
        }
        int n = 0;
        for (int p : (int[]) sets[node]) {
            if (matching.contains(p)) {
                n++;
            }
        }
        return n;
    }

    /** The node's products as a bitmap, for filter algebra: the held one, or a new one for a small set. Not to be mutated. */
    RoaringBitmap bitmap(int node) {
        return sets[node] instanceof RoaringBitmap bitmap ? bitmap : RoaringBitmap.bitmapOf((int[]) sets[node]);
    }

    /** Estimated heap bytes: the array of sets and each set. */
    long estimatedBytes() {
        long bytes = 16L + 4L * sets.length;
        for (int n = 0; n < size; n++) {
            bytes += sets[n] instanceof RoaringBitmap bitmap ? bitmap.getLongSizeInBytes() + 40
                    : 16L + 4L * ((int[]) sets[n]).length;
        }
        return bytes;
    }
}
