package dev.kggateway.listing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.roaringbitmap.RoaringBitmap;

/**
 * {@link NodeProducts} holds the same sets as one RoaringBitmap per node would (what the listing index held before),
 * through random adds and removes that take nodes across {@link NodeProducts#SMALL} in both directions, repeated
 * adds and removes of absent products included.
 */
class NodeProductsTest {

    @Test
    void sameSetsAsOneBitmapPerNode() {
        Random random = new Random(7);
        NodeProducts sets = new NodeProducts();
        int nodes = 1500; // more than the initial 1024 slots
        RoaringBitmap[] expected = new RoaringBitmap[nodes];
        for (int n = 0; n < nodes; n++) {
            assertEquals(n, sets.addNode());
            expected[n] = new RoaringBitmap();
        }
        RoaringBitmap matching = new RoaringBitmap();
        for (int p = 0; p < 200; p += 1 + random.nextInt(3)) {
            matching.add(p);
        }
        for (int step = 0; step < 60_000; step++) {
            // a few nodes get many products (bitmaps), most a handful (arrays)
            int n = random.nextInt(10) == 0 ? random.nextInt(5) : random.nextInt(nodes);
            int p = random.nextInt(n < 5 ? 200 : 60);
            if (random.nextInt(3) == 0) {
                sets.remove(n, p);
                expected[n].remove(p);
            } else {
                sets.add(n, p);
                expected[n].add(p);
            }
            if (step % 997 == 0) {
                for (int m = 0; m < nodes; m++) {
                    check(sets, expected, matching, m);
                }
            }
        }
        for (int m = 0; m < nodes; m++) {
            check(sets, expected, matching, m);
        }
    }

    private static void check(NodeProducts sets, RoaringBitmap[] expected, RoaringBitmap matching, int n) {
        assertEquals(expected[n], sets.bitmap(n), "node " + n);
        assertEquals(expected[n].getCardinality(), sets.cardinality(n), "node " + n);
        assertEquals(RoaringBitmap.andCardinality(expected[n], matching), sets.andCardinality(n, matching), "node " + n);
    }
}
