import java.nio.*;
import org.lwjgl.PointerBuffer;
import org.lwjgl.system.MemoryStack;
import org.lwjgl.util.lmdb.*;
import static org.lwjgl.util.lmdb.LMDB.*;

/**
 * mdb_stat of every database of RDF4J LMDB store environments (entries, depth, branch/leaf/overflow pages, bytes per
 * entry), the file's pages and the pages on LMDB's freelist, read with LWJGL's LMDB binding (on the gateway's class
 * path through RDF4J). Run on a closed store or beside a running one (read-only transaction):
 *   L=gateway/target/quarkus-app/lib/main; java -cp "$L/org.lwjgl.lwjgl-3.3.6.jar:$L/org.lwjgl.lwjgl-lmdb-3.3.6.jar:\
 *     $L/org.lwjgl.lwjgl-3.3.6-natives-linux.jar:$L/org.lwjgl.lwjgl-lmdb-3.3.6-natives-linux.jar" bench/LmdbStat.java \
 *     DIR/data/lmdb/triples DIR/data/lmdb/values
 * The value store keeps its values in the unnamed database itself (its keys are not database names): only its size.
 */
public class LmdbStat {
    static void E(int rc) { if (rc != 0) throw new RuntimeException(mdb_strerror(rc)); }
    public static void main(String[] a) {
        for (String dir : a) {
            try (MemoryStack s = MemoryStack.stackPush()) {
                PointerBuffer pp = s.mallocPointer(1);
                E(mdb_env_create(pp)); long env = pp.get(0);
                E(mdb_env_set_maxdbs(env, 32));
                E(mdb_env_set_mapsize(env, new java.io.File(dir, "data.mdb").length() + (1L << 30)));
                E(mdb_env_open(env, dir, MDB_RDONLY | MDB_NOTLS | MDB_NORDAHEAD, 0664));
                MDBEnvInfo info = MDBEnvInfo.malloc(s); E(mdb_env_info(env, info));
                MDBStat st = MDBStat.malloc(s); E(mdb_env_stat(env, st));
                long psize = st.ms_psize();
                long fileBytes = new java.io.File(dir, "data.mdb").length();
                System.out.printf("%s: file %,d bytes = %,d pages of %d; last pgno %,d (%,d bytes used by last page no); mapsize %,d%n",
                        dir, fileBytes, fileBytes / psize, psize, info.me_last_pgno(), (info.me_last_pgno() + 1) * psize, info.me_mapsize());
                E(mdb_txn_begin(env, 0, MDB_RDONLY, pp)); long txn = pp.get(0);
                IntBuffer ib = s.mallocInt(1);
                E(mdb_dbi_open(txn, (ByteBuffer) null, 0, ib)); int main = ib.get(0);
                System.out.printf("  %-12s %12s %6s %10s %12s %10s %14s %8s%n", "db", "entries", "depth", "branch", "leaf", "overflow", "bytes", "B/entry");
                long total = 0;
                total += print(txn, 0, "(free)", s);
                total += print(txn, main, "(main)", s);
                // named dbs: keys of the main db
                PointerBuffer cp = s.mallocPointer(1);
                E(mdb_cursor_open(txn, main, cp)); long cur = cp.get(0);
                MDBVal k = MDBVal.malloc(s), v = MDBVal.malloc(s);
                java.util.List<String> names = new java.util.ArrayList<>();
                while (names.size() <= 50 && mdb_cursor_get(cur, k, v, names.isEmpty() ? MDB_FIRST : MDB_NEXT) == 0) {
                    ByteBuffer kb = k.mv_data(); byte[] b = new byte[kb.remaining()]; kb.get(b);
                    names.add(new String(b, java.nio.charset.StandardCharsets.UTF_8).replace("\0", ""));
                }
                mdb_cursor_close(cur);
                for (String n : names) {
                    if (names.size() > 50) {
                        System.out.println("  (the unnamed database holds data, not database names)");
                        break;
                    }
                    if (mdb_dbi_open(txn, n, 0, ib) != 0) { System.out.println("  (cannot open " + n + ")"); continue; }
                    total += print(txn, ib.get(0), n, s);
                }
                // free pages in the freelist
                E(mdb_cursor_open(txn, 0, cp)); cur = cp.get(0);
                long freePages = 0; boolean first = true;
                while (mdb_cursor_get(cur, k, v, first ? MDB_FIRST : MDB_NEXT) == 0) {
                    first = false;
                    freePages += v.mv_data().order(ByteOrder.nativeOrder()).getLong(0);
                }
                mdb_cursor_close(cur);
                System.out.printf("  pages in trees: %,d (%,d bytes); free pages listed: %,d (%,d bytes); file pages %,d%n",
                        total, total * psize, freePages, freePages * psize, fileBytes / psize);
                mdb_txn_abort(txn);
                mdb_env_close(env);
            }
        }
    }
    static long print(long txn, int dbi, String name, MemoryStack s) {
        MDBStat st = MDBStat.malloc(s); E(mdb_stat(txn, dbi, st));
        long pages = st.ms_branch_pages() + st.ms_leaf_pages() + st.ms_overflow_pages();
        System.out.printf("  %-12s %,12d %6d %,10d %,12d %,10d %,14d %8.1f%n", name, st.ms_entries(), st.ms_depth(),
                st.ms_branch_pages(), st.ms_leaf_pages(), st.ms_overflow_pages(), pages * st.ms_psize(),
                st.ms_entries() == 0 ? 0 : (double) pages * st.ms_psize() / st.ms_entries());
        return pages;
    }
}
