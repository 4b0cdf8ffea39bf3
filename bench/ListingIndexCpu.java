import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kggateway.domain.*;
import dev.kggateway.listing.ListingIndex;
import java.lang.management.ManagementFactory;
import java.nio.file.*;
import java.util.*;

/**
 * CPU time (thread CPU, so the machine's load does not enter) of the listing index's work per listing call on a
 * generated catalogue: pages of 20 in several orders and the listing page's page + count + facets + priceStats, with
 * the filter of bench/listing-page.sh (hasProperty material, maxPrice 200-296 varied per call). Run by
 * bench/listing-index-cpu.sh; one round of warm-up, then p50/p90 of the second.
 */
public class ListingIndexCpu {
    public static void main(String[] a) throws Exception {
        ObjectMapper om = new ObjectMapper();
        ListingIndex index = new ListingIndex();
        for (String line : Files.readAllLines(Path.of(a[0]))) {
            JsonNode n = om.readTree(line);
            List<PropertyNode> nodes = new ArrayList<>();
            for (JsonNode p : n.get("properties")) nodes.add(PropertyIds.node(p.get("type").asText(), p.get("value").asText()));
            index.put(new ListingIndex.Entry(n.get("id").asText(), n.get("name").asText(),
                n.hasNonNull("price") ? n.get("price").asDouble() : null,
                n.hasNonNull("manufacturer") ? n.get("manufacturer").asText() : null, nodes));
        }
        var bean = ManagementFactory.getThreadMXBean();
        String[][] orders = {{"ID","ASC"},{"NAME","DESC"},{"PRICE","DESC"},{"PRICE","ASC"},{"PROPERTY_COUNT","DESC"}};
        int calls = Integer.parseInt(a[1]);
        for (int round = 0; round < 2; round++) {
            for (String[] o : orders) {
                ProductOrdering ord = ProductOrdering.of(List.of(new ProductOrdering.Key(ProductSortField.valueOf(o[0]), SortDirection.valueOf(o[1]))));
                long[] cpu = new long[calls];
                for (int i = 0; i < calls; i++) {
                    ProductQuery q = new ProductQuery(List.of(), null, null, null, 200.0 + i % 97, null, List.of(), List.of("material"), List.of(), List.of(), List.of(), List.of(), null);
                    long t = bean.getCurrentThreadCpuTime();
                    index.page(q, ord, null, 20, false);
                    cpu[i] = bean.getCurrentThreadCpuTime() - t;
                }
                Arrays.sort(cpu);
                if (round == 1) System.out.printf("page %s %s: p50 %.3f ms cpu, p90 %.3f (filter incl.)%n", o[0], o[1], cpu[calls/2]/1e6, cpu[calls*9/10]/1e6);
            }
            long[] cpu = new long[calls];
            ProductOrdering byPrice = ProductOrdering.of(List.of(new ProductOrdering.Key(ProductSortField.PRICE, SortDirection.ASC)));
            for (int i = 0; i < calls; i++) {
                ProductQuery q = new ProductQuery(List.of(), null, null, null, 200.0 + i % 97, null, List.of(), List.of("material"), List.of(), List.of(), List.of(), List.of(), null);
                long t = bean.getCurrentThreadCpuTime();
                index.page(q, byPrice, null, 20, false); index.count(q); index.facets(q, List.of("color","grade","material")); index.priceStats(q);
                cpu[i] = bean.getCurrentThreadCpuTime() - t;
            }
            Arrays.sort(cpu);
            if (round == 1) System.out.printf("listing page work (page PRICE ASC + count + 3 facets + priceStats): p50 %.3f ms cpu, p90 %.3f%n", cpu[calls/2]/1e6, cpu[calls*9/10]/1e6);
        }
    }
}
