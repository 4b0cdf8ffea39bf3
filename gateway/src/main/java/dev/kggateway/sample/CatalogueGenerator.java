package dev.kggateway.sample;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Writes N synthetic laboratory-supply products as JSON lines of ProductInput. Deterministic for a seed. Property
 * values follow a Zipf-like distribution inside each family and sizes are partly synthesised, so a few properties are
 * very common ("sterile") and many are rare (odd sizes, pack counts) — the shape of real catalogues.
 *
 * <p>Usage: {@code java -cp target/quarkus-app/quarkus-run.jar dev.kggateway.sample.CatalogueGenerator N out.jsonl [seed]}
 * or {@code ./mvnw -q exec:java ...}; see README.
 */
public final class CatalogueGenerator {

    record Family(String code, String[] products, Map<String, String[]> values, double minPrice, double maxPrice,
            String[] brands) {
    }

    private static final List<Family> FAMILIES = List.of(
            new Family("TUB", new String[] { "centrifuge tubes", "microcentrifuge tubes", "cryogenic vials", "PCR tubes" },
                    Map.of("type", new String[] { "conical", "round-bottom", "self-standing", "skirted", "flat cap", "graduated" },
                            "material", new String[] { "polypropylene", "polyethylene", "polystyrene" },
                            "size", new String[] { "50 mL", "15 mL", "1.5 mL", "2 mL", "0.5 mL", "0.2 mL", "5 mL" },
                            "color", new String[] { "clear", "natural", "blue", "amber", "assorted" },
                            "grade", new String[] { "sterile", "RNase/DNase-free", "non-sterile", "pyrogen-free" },
                            "quantity", new String[] { "500/case", "pack of 25", "1000/case", "pack of 50", "100 per bag" },
                            "series", new String[] { "Falcon", "Safe-Lock", "Nunc", "SuperClear", "Axygen" },
                            "addon", new String[] { "screw cap", "snap cap", "attached cap" }),
                    8, 240, new String[] { "Corning", "Eppendorf", "Thermo Scientific", "Sarstedt", "VWR", "Greiner Bio-One" }),
            new Family("TIP", new String[] { "pipette tips", "filter tips", "gel loading tips" },
                    Map.of("type", new String[] { "low retention", "universal", "extended length", "wide bore", "beveled" },
                            "size", new String[] { "200 µL", "10 µL", "1000 µL", "20-200 µL", "0.1-10 µL", "1250 µL" },
                            "grade", new String[] { "sterile", "RNase/DNase-free", "non-sterile" },
                            "quantity", new String[] { "96/rack", "1000/case", "pack of 960", "10 racks of 96" },
                            "series", new String[] { "ep.T.I.P.S.", "LTS", "Finntip", "ART", "TipOne" },
                            "material", new String[] { "polypropylene", "virgin polypropylene" },
                            "color", new String[] { "natural", "yellow", "blue", "clear" }),
                    20, 380, new String[] { "Rainin", "Eppendorf", "Gilson", "Thermo Scientific", "Mettler Toledo" }),
            new Family("CPL", new String[] { "couplings", "coupling bodies", "coupling inserts", "quick disconnect couplings" },
                    Map.of("type", new String[] { "general purpose", "in-line", "panel mount", "elbow", "non-spill" },
                            "addon", new String[] { "valve", "shutoff valve", "hose barb", "lock ring" },
                            "material", new String[] { "acetal", "polypropylene", "chrome-plated brass", "316 stainless steel", "polysulfone" },
                            "size", new String[] { "1/4 in.", "3/8 in.", "1/8 in.", "1/2 in.", "1/4 in. NPT", "3/8 in. hose barb" },
                            "series", new String[] { "PMC Series", "LQ Series", "MPX Series", "APC Series", "SMF Series" },
                            "color", new String[] { "white", "natural", "black", "blue" },
                            "quantity", new String[] { "pack of 10", "each", "pack of 2" }),
                    6, 120, new String[] { "CPC", "Colder Products", "Cole-Parmer", "Nordson" }),
            new Family("GLV", new String[] { "exam gloves", "cleanroom gloves", "cryogenic gloves", "chemical resistant gloves" },
                    Map.of("type", new String[] { "powder-free", "textured fingertips", "extended cuff", "ambidextrous" },
                            "size", new String[] { "size M", "size L", "size S", "size XL", "size XS", "size 8" },
                            "color", new String[] { "blue", "purple", "white", "black", "green" },
                            "material", new String[] { "nitrile", "latex", "neoprene", "vinyl" },
                            "quantity", new String[] { "100 per box", "1000/case", "pack of 50", "200 per box" },
                            "series", new String[] { "Purple Nitrile", "TouchNTuff", "Sterling", "Ultranitril" },
                            "grade", new String[] { "non-sterile", "sterile", "ISO Class 4", "ISO Class 5", "food safe" }),
                    9, 180, new String[] { "Kimberly-Clark", "Ansell", "Microflex", "Thermo Scientific", "VWR" }),
            new Family("GLS", new String[] { "beakers", "erlenmeyer flasks", "volumetric flasks", "graduated cylinders", "media bottles" },
                    Map.of("type", new String[] { "griffin low form", "class a", "class b", "heavy duty", "narrow mouth", "wide mouth" },
                            "material", new String[] { "borosilicate glass", "polypropylene", "PMP", "soda-lime glass" },
                            "size", new String[] { "250 mL", "500 mL", "1 L", "100 mL", "2 L", "50 mL", "25 mL" },
                            "addon", new String[] { "screw cap", "stopper", "lid", "pour ring", "spout" },
                            "series", new String[] { "Pyrex", "Kimax", "Duran", "Nalgene", "KIMBLE" },
                            "color", new String[] { "clear", "amber" },
                            "quantity", new String[] { "pack of 12", "case of 6", "each", "pack of 4" },
                            "grade", new String[] { "USP Type I", "certified", "autoclavable" }),
                    12, 420, new String[] { "Corning", "DWK Life Sciences", "Thermo Scientific", "Kimble", "Bel-Art" }),
            new Family("FLT", new String[] { "syringe filters", "vacuum filter units", "membrane filters", "bottle-top filters" },
                    Map.of("type", new String[] { "hydrophilic", "hydrophobic", "low protein binding", "prefilter" },
                            "material", new String[] { "PES", "nylon", "PTFE", "cellulose acetate", "PVDF", "glass fiber" },
                            "size", new String[] { "0.22 µm", "0.45 µm", "25 mm", "33 mm", "13 mm", "0.2 µm", "47 mm" },
                            "grade", new String[] { "sterile", "non-sterile", "HPLC certified", "gamma irradiated" },
                            "series", new String[] { "Millex", "Acrodisc", "Puradisc", "Minisart", "Stericup" },
                            "quantity", new String[] { "50/pack", "pack of 100", "12 per case", "pack of 25" },
                            "color", new String[] { "white", "blue", "green", "yellow" }),
                    30, 520, new String[] { "Millipore", "Pall", "Whatman", "Sartorius", "Thermo Scientific" }),
            new Family("FIT", new String[] { "hose barb fittings", "tube fittings", "luer fittings", "pipe adapters" },
                    Map.of("type", new String[] { "straight", "elbow", "tee", "reducing", "cross", "bulkhead" },
                            "material", new String[] { "polypropylene", "kynar pvdf", "brass", "316 stainless steel", "nylon", "PTFE" },
                            "size", new String[] { "1/4 in.", "1/2 in.", "1/8 in. NPT", "1/4 in. x 1/8 in. NPT", "3/8 in.", "6 mm" },
                            "series", new String[] { "Barbed", "Luer-Lok", "SS Series", "Compression" },
                            "color", new String[] { "natural", "white", "black", "red" },
                            "quantity", new String[] { "pack of 10", "pack of 25", "each", "bag of 100" }),
                    4, 95, new String[] { "Swagelok", "Nalgene", "Cole-Parmer", "Value Plastics", "Parker" }),
            new Family("RGT", new String[] { "sodium chloride", "ethanol", "tris base", "hydrochloric acid", "acetonitrile", "glycine", "methanol" },
                    Map.of("grade", new String[] { "ACS grade", "molecular biology grade", "HPLC grade", "USP", "reagent grade", "LC-MS grade" },
                            "size", new String[] { "500 g", "1 kg", "2.5 L", "4 L", "100 g", "1 L", "25 kg" },
                            "type", new String[] { "anhydrous", "200 proof", "crystalline", "powder", "solution", "granular" },
                            "series", new String[] { "ReagentPlus", "Optima", "BioUltra", "Chromasolv", "BioReagent" },
                            "addon", new String[] { "safety-coated bottle", "pour spout" },
                            "quantity", new String[] { "each", "case of 4", "pack of 6" }),
                    15, 650, new String[] { "Sigma-Aldrich", "Fisher Chemical", "MilliporeSigma", "Honeywell", "Avantor" }),
            new Family("INS", new String[] { "microcentrifuge", "vortex mixer", "magnetic stirrer", "pH meter", "dry bath", "analytical balance" },
                    Map.of("type", new String[] { "benchtop", "refrigerated", "digital", "analog", "compact", "hotplate" },
                            "series", new String[] { "5424 R", "Vortex-Genie 2", "Multi Stirrer", "SevenCompact", "Sorvall Legend" },
                            "addon", new String[] { "rotor", "lid", "electrode", "temperature probe", "universal platform" },
                            "size", new String[] { "24 x 2 mL", "10 L", "220 g", "7 x 7 in.", "120 V" },
                            "color", new String[] { "white", "gray", "black" },
                            "grade", new String[] { "CE certified", "UL listed" }),
                    180, 9500, new String[] { "Eppendorf", "Thermo Scientific", "IKA", "Corning", "Mettler Toledo", "Scientific Industries" }),
            new Family("CON", new String[] { "petri dishes", "microplates", "serological pipettes", "cell culture flasks", "cell scrapers", "weighing boats" },
                    Map.of("type", new String[] { "96-well", "384-well", "flat bottom", "tissue culture treated", "vented", "U-bottom", "canted neck" },
                            "material", new String[] { "polystyrene", "polypropylene", "glass", "antistatic polystyrene" },
                            "size", new String[] { "100 x 15 mm", "10 mL", "25 mL", "75 cm²", "5 mL", "60 x 15 mm", "175 cm²" },
                            "color", new String[] { "clear", "white", "black", "assorted" },
                            "grade", new String[] { "sterile", "pyrogen-free", "non-sterile", "cell culture grade" },
                            "quantity", new String[] { "500/case", "pack of 20", "case of 200", "50 per sleeve", "pack of 10" },
                            "series", new String[] { "Costar", "CELLSTAR", "Nunclon Delta", "Stripette", "BioLite" },
                            "addon", new String[] { "lid", "plug seal cap", "filter cap" }),
                    18, 460, new String[] { "Corning", "Greiner Bio-One", "Thermo Scientific", "Sarstedt", "VWR", "Falcon" }));

    private static final String[] TYPES = { "type", "material", "size", "color", "grade", "quantity", "series", "addon" };
    private final SplittableRandom random;

    public CatalogueGenerator(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** Zipf-like pick: earlier entries are much more common than later ones. */
    private String pick(String[] values) {
        double r = random.nextDouble();
        double total = 0;
        for (int i = 0; i < values.length; i++) {
            total += 1.0 / (i + 1);
        }
        double acc = 0;
        for (int i = 0; i < values.length; i++) {
            acc += (1.0 / (i + 1)) / total;
            if (r <= acc) {
                return values[i];
            }
        }
        return values[values.length - 1];
    }

    public Map<String, Object> product(int n) {
        Family f = FAMILIES.get(random.nextInt(FAMILIES.size()));
        String product = pick(f.products());
        String brand = pick(f.brands());
        Map<String, String> props = new LinkedHashMap<>();
        props.put("product", product);
        props.put("brand", brand);
        for (String t : TYPES) {
            String[] vs = f.values().get(t);
            if (vs != null && random.nextDouble() < 0.8) {
                props.put(t, pick(vs));
            }
        }
        // Long tail: one size in ten is a less common catalogue size.
        if (props.containsKey("size") && random.nextDouble() < 0.1) {
            props.put("size", rareSize(props.get("size")));
        }
        if (props.containsKey("quantity") && random.nextDouble() < 0.1) {
            props.put("quantity", "pack of " + (5 * (1 + random.nextInt(60))));
        }
        String description = describe(props);
        String name = name(props);
        double price = Math.round((f.minPrice() + random.nextDouble() * (f.maxPrice() - f.minPrice())) * 100) / 100.0;
        List<Map<String, String>> vendorProperties = new ArrayList<>();
        // Vendors fill in only part of the attributes, inconsistently: that gap is what enrichment closes.
        props.forEach((type, value) -> {
            if (random.nextDouble() < 0.6) {
                vendorProperties.add(Map.of("type", type, "value", value));
            }
        });
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("id", String.format(Locale.ROOT, "%s-%06d", f.code(), n));
        input.put("name", name);
        input.put("description", description);
        input.put("price", price);
        input.put("currency", random.nextDouble() < 0.8 ? "USD" : "EUR");
        input.put("manufacturer", brand);
        input.put("properties", vendorProperties);
        return input;
    }

    private String rareSize(String common) {
        String unit = common.replaceAll("^[0-9./ x-]+", "").strip();
        if (unit.isEmpty() || unit.length() > 6) {
            unit = "mL";
        }
        return (1 + random.nextInt(999)) + " " + unit;
    }

    private String name(Map<String, String> p) {
        StringBuilder sb = new StringBuilder();
        if (p.containsKey("series")) {
            sb.append(p.get("series")).append(' ');
        }
        if (p.containsKey("type")) {
            sb.append(capitalise(p.get("type"))).append(' ');
        }
        sb.append(capitalise(p.get("product")));
        if (p.containsKey("size")) {
            sb.append(", ").append(p.get("size"));
        }
        return sb.toString();
    }

    private String describe(Map<String, String> p) {
        List<String> parts = new ArrayList<>();
        String head = (p.containsKey("type") ? capitalise(p.get("type")) + " " : "") + capitalise(p.get("product"));
        if (p.containsKey("addon")) {
            head += " with " + p.get("addon");
        }
        switch (random.nextInt(3)) {
            case 0 -> {
                parts.add(head);
                add(parts, p, "series");
                add(parts, p, "material");
                add(parts, p, "size");
                add(parts, p, "color");
                add(parts, p, "grade");
                add(parts, p, "quantity");
                parts.add("by " + p.get("brand"));
            }
            case 1 -> {
                parts.add(p.get("brand") + (p.containsKey("series") ? " " + p.get("series") : "") + " " + head);
                add(parts, p, "size");
                add(parts, p, "material");
                add(parts, p, "grade");
                add(parts, p, "color");
                add(parts, p, "quantity");
            }
            default -> {
                StringBuilder sb = new StringBuilder();
                if (p.containsKey("grade")) {
                    sb.append(capitalise(p.get("grade"))).append(' ');
                }
                if (p.containsKey("color")) {
                    sb.append(p.get("color")).append(' ');
                }
                if (p.containsKey("material")) {
                    sb.append(p.get("material")).append(' ');
                }
                sb.append(head.substring(0, 1).toLowerCase(Locale.ROOT)).append(head.substring(1));
                parts.add(capitalise(sb.toString()));
                add(parts, p, "size");
                add(parts, p, "series");
                add(parts, p, "quantity");
                parts.add(p.get("brand"));
            }
        }
        return String.join(", ", parts);
    }

    private static void add(List<String> parts, Map<String, String> p, String type) {
        if (p.containsKey(type)) {
            parts.add(p.get(type));
        }
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    public void write(int count, Writer out) throws IOException {
        ObjectMapper mapper = new ObjectMapper().disable(SerializationFeature.INDENT_OUTPUT);
        for (int i = 1; i <= count; i++) {
            out.write(mapper.writeValueAsString(product(i)));
            out.write('\n');
        }
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: CatalogueGenerator COUNT OUT.jsonl [SEED]");
            System.exit(2);
        }
        int count = Integer.parseInt(args[0]);
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 42L;
        Path out = Path.of(args[1]);
        if (out.getParent() != null) {
            Files.createDirectories(out.getParent());
        }
        try (Writer w = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(out), StandardCharsets.UTF_8))) {
            new CatalogueGenerator(seed).write(count, w);
        }
        System.out.printf("wrote %d products to %s (seed %d)%n", count, out, seed);
    }
}
