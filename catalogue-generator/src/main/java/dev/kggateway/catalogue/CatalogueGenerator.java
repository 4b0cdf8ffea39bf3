package dev.kggateway.catalogue;

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
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Writes N synthetic laboratory-supply products as JSON lines of ProductInput. Deterministic for a seed. Each product
 * is coherent the way a real catalogue entry is: its size, type, material, grade and pack size are ones its kind of
 * product comes in, and its series is a product line its brand sells. Values follow a Zipf-like distribution (a few
 * very common, such as "sterile", many rare) and one size in eight is a rarer catalogue size of the same kind. The
 * bundled sample catalogue ({@code sample/catalogue.jsonl}) is {@code generate 300 ... 42}.
 *
 * <p>Usage: {@code java -jar gateway/target/quarkus-app/quarkus-run.jar generate N out.jsonl [seed]}; see README.
 */
public final class CatalogueGenerator {

    /**
     * One kind of product (its noun as catalogues print it) with the attribute values that fit it: a 50 mL size belongs
     * to centrifuge tubes, not to hose fittings. Sizes and pack sizes are listed common first; {@code rareSizes} are
     * real but less common catalogue sizes of the same kind (the long tail).
     */
    record Kind(String product, String[] sizes, String[] rareSizes, String[] types, String[] materials,
            String[] colors, String[] grades, String[] addons, String[] quantities, Map<String, String[]> seriesByBrand) {

        /** A kind sold by the family's brands with the family's product lines. */
        Kind(String product, String[] sizes, String[] rareSizes, String[] types, String[] materials, String[] colors,
                String[] grades, String[] addons, String[] quantities) {
            this(product, sizes, rareSizes, types, materials, colors, grades, addons, quantities, null);
        }
    }

    /** A product family: kinds, the brands selling them with their product lines (series), a price range. */
    record Family(String code, List<Kind> kinds, Map<String, String[]> seriesByBrand, double minPrice, double maxPrice) {
    }

    /** Product lines made of one material class only: a Pyrex flask is glass, a Nalgene one is plastic. */
    private static final Map<String, List<String>> SERIES_MATERIALS = Map.of(
            "Pyrex", List.of("borosilicate glass"), "Kimax", List.of("borosilicate glass"),
            "Duran", List.of("borosilicate glass"), "KIMBLE", List.of("borosilicate glass"),
            "Nalgene", List.of("polypropylene", "polycarbonate", "PMP", "PETG"));

    private static String[] a(String... values) {
        return values;
    }

    private static Map<String, String[]> brands(Object... brandThenSeries) {
        Map<String, String[]> m = new LinkedHashMap<>();
        for (int i = 0; i < brandThenSeries.length; i += 2) {
            m.put((String) brandThenSeries[i], (String[]) brandThenSeries[i + 1]);
        }
        return m;
    }

    private static final String[] NONE = {};

    private static final List<Family> FAMILIES = List.of(
            new Family("TUB", List.of(
                    new Kind("centrifuge tubes", a("50 mL", "15 mL"), a("225 mL", "250 mL", "10 mL"),
                            a("conical", "self-standing", "graduated"), a("polypropylene", "polystyrene"),
                            a("clear", "natural"), a("sterile", "RNase/DNase-free", "non-sterile"),
                            a("plug seal cap", "screw cap"), a("500/case", "case of 500", "pack of 25", "25 per rack")),
                    new Kind("microcentrifuge tubes", a("1.5 mL", "2 mL", "0.5 mL"), a("5 mL", "0.65 mL"),
                            a("graduated", "low retention", "skirted"), a("polypropylene"),
                            a("natural", "clear", "amber", "assorted"), a("RNase/DNase-free", "PCR clean", "sterile"),
                            a("snap cap", "attached cap", "screw cap"), a("pack of 500", "1000/pack", "500 per bag"),
                            brands("Eppendorf", a("Safe-Lock", "Protein LoBind", "DNA LoBind"), "Corning", a("Axygen", "Costar"),
                                    "Thermo Scientific", NONE, "Sarstedt", NONE, "VWR", NONE)),
                    new Kind("cryogenic vials", a("2 mL", "1.2 mL", "5 mL"), a("1.8 mL", "4 mL"),
                            a("internal thread", "external thread", "self-standing", "round-bottom"), a("polypropylene"),
                            a("clear", "natural"), a("sterile", "pyrogen-free"), a("silicone washer", "screw cap"),
                            a("500/case", "pack of 50", "50 per bag")),
                    new Kind("PCR tubes", a("0.2 mL"), a("0.1 mL"), a("thin-wall", "8-strip", "flat cap", "domed cap"),
                            a("polypropylene"), a("natural", "clear", "assorted"), a("RNase/DNase-free", "PCR clean"),
                            a("attached cap", "strip caps"), a("1000/pack", "125 strips/case", "pack of 120"),
                            brands("Thermo Scientific", a("MicroAmp", "ABgene"), "Eppendorf", NONE, "Corning", a("Axygen"),
                                    "Bio-Rad", NONE, "USA Scientific", a("TempAssure")))),
                    brands("Corning", a("Falcon"), "Eppendorf", NONE,
                            "Thermo Scientific", a("Nunc", "Nalgene", "Invitrogen"), "Sarstedt", NONE,
                            "Greiner Bio-One", a("CELLSTAR", "CryoS"), "VWR", NONE),
                    8, 240),
            new Family("TIP", List.of(
                    new Kind("pipette tips", a("200 µL", "1000 µL", "10 µL"), a("1250 µL", "300 µL", "20 µL", "5 mL"),
                            a("universal", "low retention", "extended length", "wide bore", "beveled"),
                            a("polypropylene", "virgin polypropylene"), a("natural", "yellow", "blue", "clear"),
                            a("sterile", "non-sterile", "RNase/DNase-free"), NONE,
                            a("96/rack", "10 racks of 96", "1000/bag", "case of 960")),
                    new Kind("filter tips", a("200 µL", "1000 µL", "10 µL", "20 µL"), a("100 µL", "300 µL", "1250 µL"),
                            a("low retention", "universal", "extended length"), a("polypropylene"),
                            a("natural", "clear"), a("sterile", "RNase/DNase-free", "pyrogen-free"),
                            a("aerosol barrier"), a("96/rack", "10 racks of 96", "case of 960"))),
                    brands("Rainin", a("LTS", "BioClean", "RT LTS"), "Eppendorf", a("ep.T.I.P.S.", "epT.I.P.S. LoRetention"),
                            "Gilson", a("Diamond", "PIPETMAN"), "Thermo Scientific", a("Finntip", "ART"),
                            "Mettler Toledo", a("LTS"), "USA Scientific", a("TipOne")),
                    20, 380),
            new Family("CPL", List.of(
                    new Kind("quick disconnect couplings", a("1/4 in.", "3/8 in.", "1/8 in."), a("1/2 in.", "1/16 in.", "5/8 in."),
                            a("in-line", "panel mount", "elbow", "non-spill"), a("acetal", "polypropylene", "chrome-plated brass", "polysulfone"),
                            a("white", "natural", "black", "blue"), a("food grade", "USP Class VI"),
                            a("shutoff valve", "hose barb", "thumb latch"), a("each", "pack of 2", "pack of 10")),
                    new Kind("coupling bodies", a("1/4 in. hose barb", "3/8 in. hose barb", "1/8 in. hose barb"), a("1/4 in. NPT", "1/2 in. hose barb"),
                            a("in-line", "panel mount", "elbow"), a("acetal", "polypropylene", "chrome-plated brass"),
                            a("white", "natural", "black"), a("food grade"), a("shutoff valve", "thumb latch"),
                            a("each", "pack of 10")),
                    new Kind("coupling inserts", a("1/4 in. hose barb", "3/8 in. hose barb", "1/8 in. hose barb"), a("1/4 in. NPT", "1/2 in. hose barb"),
                            a("in-line", "elbow", "straight through"), a("acetal", "polypropylene", "chrome-plated brass"),
                            a("white", "natural", "black"), a("food grade"), a("shutoff valve"), a("each", "pack of 10"))),
                    brands("Colder Products", a("PMC Series", "LQ Series", "MPX Series", "APC Series", "SMF Series"),
                            "CPC", a("PMC Series", "LQ Series", "NS4 Series"), "Cole-Parmer", NONE, "Nordson", a("Value Plastics")),
                    6, 120),
            new Family("GLV", List.of(
                    new Kind("exam gloves", a("size M", "size L", "size S"), a("size XL", "size XS", "size XXL"),
                            a("powder-free", "textured fingertips", "extended cuff", "ambidextrous"), a("nitrile", "latex", "vinyl"),
                            a("blue", "purple", "white", "black", "green"), a("non-sterile", "medical grade", "food safe"), NONE,
                            a("100 per box", "200 per box", "box of 100", "1000/case")),
                    new Kind("cleanroom gloves", a("size M", "size L", "size S"), a("size 7", "size 8", "size 9"),
                            a("powder-free", "textured fingertips", "extended cuff"), a("nitrile", "latex", "neoprene"),
                            a("white", "blue"), a("ISO Class 5", "ISO Class 4", "sterile"), NONE,
                            a("100 per bag", "10 bags of 100", "1000/case")),
                    new Kind("cryogenic gloves", a("size L", "size M"), a("size XL"), a("mid-arm", "elbow length", "waterproof"),
                            a("nylon", "PTFE-coated nylon"), a("blue", "black"), a("CE certified"), NONE, a("1 pair", "each"),
                            brands("Tempshield", a("Cryo-Gloves"), "Thermo Scientific", NONE, "VWR", NONE,
                                    "National Safety Apparel", NONE))),
                    brands("Kimberly-Clark", a("Purple Nitrile", "Sterling", "KIMTECH"), "Ansell", a("TouchNTuff", "Micro-Touch"),
                            "Microflex", a("Ultranitril", "MidKnight"), "Thermo Scientific", NONE, "VWR", NONE),
                    9, 180),
            new Family("GLS", List.of(
                    new Kind("beakers", a("250 mL", "500 mL", "100 mL", "1 L"), a("50 mL", "2 L", "600 mL", "4 L"),
                            a("griffin low form", "heavy duty", "tall form"), a("borosilicate glass", "polypropylene", "PMP"),
                            a("clear"), a("autoclavable"), a("spout"), a("pack of 12", "case of 48", "each")),
                    new Kind("erlenmeyer flasks", a("250 mL", "500 mL", "125 mL", "1 L"), a("50 mL", "2 L", "4 L"),
                            a("narrow mouth", "wide mouth", "heavy duty"), a("borosilicate glass", "polycarbonate"),
                            a("clear"), a("autoclavable", "class a"), a("screw cap", "stopper"), a("pack of 12", "case of 6", "each")),
                    new Kind("volumetric flasks", a("100 mL", "250 mL", "50 mL", "1 L"), a("10 mL", "25 mL", "2 L"),
                            a("class a", "class b"), a("borosilicate glass"), a("clear", "amber"), a("certified", "USP Type I"),
                            a("stopper", "screw cap"), a("pack of 6", "each")),
                    new Kind("graduated cylinders", a("100 mL", "250 mL", "500 mL", "1 L"), a("10 mL", "25 mL", "2 L"),
                            a("class a", "class b", "single metric scale"), a("borosilicate glass", "polypropylene", "PMP"),
                            a("clear"), a("certified", "autoclavable"), a("pour spout", "hexagonal base"), a("each", "pack of 2")),
                    new Kind("media bottles", a("500 mL", "250 mL", "1 L", "100 mL"), a("50 mL", "2 L", "5 L", "10 L"),
                            a("round", "square", "wide mouth"), a("borosilicate glass", "polycarbonate", "PETG"),
                            a("clear", "amber"), a("autoclavable", "sterile"), a("screw cap", "pour ring"),
                            a("pack of 10", "case of 24", "each"))),
                    brands("Corning", a("Pyrex"), "DWK Life Sciences", a("Duran", "Kimax", "KIMBLE"),
                            "Thermo Scientific", a("Nalgene"), "Bel-Art", NONE, "Fisher Scientific", a("Fisherbrand")),
                    12, 420),
            new Family("FLT", List.of(
                    new Kind("syringe filters", a("0.22 µm", "0.45 µm", "25 mm", "13 mm"), a("0.2 µm", "30 mm", "33 mm", "4 mm"),
                            a("hydrophilic", "hydrophobic", "low protein binding"), a("PES", "nylon", "PTFE", "PVDF", "cellulose acetate"),
                            a("white", "blue", "green", "yellow"), a("sterile", "non-sterile", "HPLC certified"), a("luer lock inlet"),
                            a("pack of 50", "50/pack", "pack of 100"),
                            brands("MilliporeSigma", a("Millex"), "Pall", a("Acrodisc"), "Cytiva", a("Whatman Puradisc"),
                                    "Sartorius", a("Minisart"), "Thermo Scientific", NONE)),
                    new Kind("vacuum filter units", a("500 mL", "250 mL", "1 L"), a("150 mL", "50 mL"),
                            a("bottle-top", "receiver flask"), a("PES", "cellulose nitrate", "nylon"), a("clear"),
                            a("sterile", "gamma irradiated"), a("receiver bottle"), a("12 per case", "case of 12"),
                            brands("MilliporeSigma", a("Stericup", "Steritop"), "Thermo Scientific", a("Nalgene Rapid-Flow"),
                                    "Corning", NONE, "Pall", NONE)),
                    new Kind("membrane filters", a("47 mm", "25 mm", "90 mm"), a("13 mm", "142 mm", "293 mm"),
                            a("hydrophilic", "hydrophobic", "gridded"), a("mixed cellulose ester", "nylon", "PTFE", "glass fiber", "polycarbonate"),
                            a("white", "black"), a("sterile", "non-sterile"), NONE, a("pack of 100", "100/pack", "pack of 25"),
                            brands("MilliporeSigma", a("Durapore", "Isopore", "Omnipore"), "Pall", a("Supor"), "Cytiva", a("Whatman"),
                                    "Sartorius", NONE))),
                    brands(), // every filter kind names its own makers
                    30, 520),
            new Family("FIT", List.of(
                    new Kind("hose barb fittings", a("1/4 in.", "1/8 in.", "3/8 in."), a("1/2 in.", "3/16 in.", "1/16 in."),
                            a("straight", "elbow", "tee", "reducing", "wye"), a("polypropylene", "nylon", "kynar PVDF", "brass"),
                            a("natural", "white", "black"), a("food grade", "USP Class VI"), NONE,
                            a("pack of 10", "pack of 25", "bag of 100")),
                    new Kind("luer fittings", a("1/8 in. ID tubing", "1/16 in. ID tubing", "3/32 in. ID tubing"), a("5/32 in. ID tubing"),
                            a("male luer lock", "female luer", "luer to barb"), a("polycarbonate", "nylon", "polypropylene"),
                            a("clear", "natural", "red", "blue"), a("USP Class VI"), a("rotating collar"), a("pack of 25", "pack of 10")),
                    new Kind("compression fittings", a("1/4 in. OD", "1/8 in. OD", "6 mm OD"), a("3/8 in. OD", "1/2 in. OD", "10 mm OD"),
                            a("straight union", "elbow", "tee", "bulkhead union", "male connector"), a("316 stainless steel", "brass", "PFA"),
                            NONE, NONE, a("front ferrule", "nut"), a("each", "pack of 2"))),
                    brands("Nordson", a("Value Plastics"), "Cole-Parmer", NONE, "Swagelok", NONE, "Parker", a("CPI"),
                            "Qosina", NONE),
                    4, 95),
            new Family("RGT", List.of(
                    new Kind("sodium chloride", a("500 g", "1 kg", "2.5 kg"), a("100 g", "5 kg", "25 kg"),
                            a("crystalline", "granular", "powder"), NONE, NONE,
                            a("ACS grade", "molecular biology grade", "USP", "reagent grade"), NONE, a("each", "case of 4")),
                    new Kind("ethanol", a("4 L", "1 L", "500 mL"), a("20 L", "200 L"), a("200 proof", "190 proof", "absolute"),
                            NONE, NONE, a("ACS grade", "USP", "molecular biology grade"), a("safety-coated bottle"),
                            a("each", "case of 4")),
                    new Kind("methanol", a("4 L", "1 L", "2.5 L"), a("20 L", "200 L"), a("anhydrous"), NONE, NONE,
                            a("HPLC grade", "LC-MS grade", "ACS grade"), a("safety-coated bottle"), a("each", "case of 4")),
                    new Kind("acetonitrile", a("4 L", "1 L", "2.5 L"), a("20 L"), a("anhydrous"), NONE, NONE,
                            a("HPLC grade", "LC-MS grade", "gradient grade"), a("safety-coated bottle"), a("each", "case of 4")),
                    new Kind("tris base", a("500 g", "1 kg", "100 g"), a("5 kg", "2.5 kg"), a("powder", "crystalline"), NONE,
                            NONE, a("molecular biology grade", "ultrapure", "reagent grade"), NONE, a("each")),
                    new Kind("glycine", a("500 g", "1 kg", "100 g"), a("5 kg"), a("powder"), NONE, NONE,
                            a("molecular biology grade", "reagent grade", "USP"), NONE, a("each")),
                    new Kind("hydrochloric acid", a("2.5 L", "500 mL", "1 L"), a("4 L", "20 L"), a("37% solution", "1 N solution", "fuming"),
                            NONE, NONE, a("ACS grade", "trace metal grade", "reagent grade"), a("safety-coated bottle"),
                            a("each", "case of 6"))),
                    brands("Sigma-Aldrich", a("ReagentPlus", "BioUltra", "BioReagent", "Chromasolv"), "Fisher Chemical", a("Optima", "Certified ACS"),
                            "Honeywell", a("Riedel-de Haën", "Chromasolv"), "Avantor", a("J.T.Baker", "Macron"), "Thermo Scientific", a("Acros Organics")),
                    15, 650),
            new Family("INS", List.of(
                    new Kind("microcentrifuge", a("24 x 1.5/2 mL", "18 x 1.5/2 mL"), a("12 x 1.5/2 mL", "48 x 0.5 mL"),
                            a("benchtop", "refrigerated", "compact"), NONE, a("white", "gray"), a("CE certified", "UL listed"),
                            a("rotor", "aerosol-tight lid"), a("each"),
                            brands("Eppendorf", a("5424 R", "5425", "MiniSpin"), "Thermo Scientific", a("Sorvall Legend Micro 21", "Heraeus Pico 17"),
                                    "Corning", a("LSE"), "Benchmark Scientific", NONE)),
                    new Kind("vortex mixer", NONE, NONE, a("analog", "digital", "touch-operated"),
                            NONE, a("white", "gray", "black"), a("CE certified", "UL listed"), a("universal platform", "3 in. cup head"),
                            a("each"), brands("Scientific Industries", a("Vortex-Genie 2"), "IKA", a("Vortex 3", "MS 3"),
                                    "Corning", a("LSE"), "Thermo Scientific", NONE)),
                    new Kind("magnetic stirrer", a("7 x 7 in.", "4 x 4 in.", "10 x 10 in."), a("15 L", "20 L"),
                            a("hotplate", "digital", "analog", "multi-position"), a("ceramic top", "aluminum top"),
                            a("white", "gray"), a("CE certified", "UL listed"), a("temperature probe", "stir bar"), a("each"),
                            brands("IKA", a("RCT basic", "C-MAG HS 7"), "Corning", a("PC-420D", "PC-620D"),
                                    "Thermo Scientific", a("Cimarec+"), "Scientific Industries", NONE)),
                    new Kind("pH meter", NONE, NONE, a("benchtop", "portable", "GLP"), NONE, a("gray", "white"),
                            a("CE certified"), a("electrode", "electrode stand", "buffer kit"), a("each"),
                            brands("Mettler Toledo", a("SevenCompact", "FiveEasy"), "Thermo Scientific", a("Orion Star A211", "Orion Versa Star"),
                                    "Hanna Instruments", a("edge"), "Corning", NONE)),
                    new Kind("analytical balance", a("220 g", "120 g", "320 g"), a("82 g", "520 g"), a("digital", "internal calibration"),
                            NONE, a("white", "gray"), a("CE certified", "legal for trade"), a("draft shield"), a("each"),
                            brands("Mettler Toledo", a("XPR", "MS-TS"), "Sartorius", a("Quintix", "Secura"), "Ohaus", a("Explorer", "Pioneer")))),
                    brands(), // every instrument kind names its own makers
                    180, 9500),
            new Family("CON", List.of(
                    new Kind("petri dishes", a("100 x 15 mm", "60 x 15 mm", "150 x 15 mm"), a("35 x 10 mm", "90 x 15 mm"),
                            a("vented", "stackable", "contact"), a("polystyrene"), a("clear"), a("sterile", "non-pyrogenic"), a("lid"),
                            a("500/case", "pack of 20", "case of 500", "20 per sleeve")),
                    new Kind("microplates", a("96-well", "384-well"), a("24-well", "6-well", "1536-well"),
                            a("flat bottom", "U-bottom", "V-bottom", "tissue culture treated", "non-treated"), a("polystyrene", "polypropylene"),
                            a("clear", "white", "black"), a("sterile", "non-sterile"), a("lid"), a("case of 50", "pack of 10", "100/case")),
                    new Kind("serological pipettes", a("10 mL", "25 mL", "5 mL"), a("1 mL", "2 mL", "50 mL", "100 mL"),
                            a("individually wrapped", "plugged", "bulk packed"), a("polystyrene"), a("clear"), a("sterile", "non-pyrogenic"),
                            NONE, a("50 per sleeve", "200/case", "case of 200")),
                    new Kind("cell culture flasks", a("75 cm²", "25 cm²", "175 cm²"), a("225 cm²", "150 cm²"),
                            a("canted neck", "tissue culture treated", "vented", "plug seal"), a("polystyrene"), a("clear"),
                            a("sterile", "non-pyrogenic"), a("filter cap", "plug seal cap"), a("case of 100", "pack of 5", "100/case")),
                    new Kind("cell scrapers", a("25 cm", "18 cm"), a("39 cm", "13 mm blade"), a("rotating blade", "2-position blade"),
                            a("polyethylene", "polystyrene"), NONE, a("sterile"), NONE, a("case of 100", "pack of 10"))),
                    brands("Corning", a("Falcon", "Costar", "BioCoat"), "Greiner Bio-One", a("CELLSTAR", "CELLCOAT"),
                            "Thermo Scientific", a("Nunc", "Nunclon Delta", "BioLite"), "Sarstedt", NONE, "VWR", NONE),
                    18, 460));

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

    private String[] values(Kind k, String type) {
        return switch (type) {
            case "type" -> k.types();
            case "material" -> k.materials();
            case "size" -> k.sizes();
            case "color" -> k.colors();
            case "grade" -> k.grades();
            case "quantity" -> k.quantities();
            case "addon" -> k.addons();
            default -> NONE;
        };
    }

    public Map<String, Object> product(int n) {
        Family f = FAMILIES.get(random.nextInt(FAMILIES.size()));
        Kind kind = f.kinds().get(random.nextInt(f.kinds().size()));
        Map<String, String[]> lines = kind.seriesByBrand() != null ? kind.seriesByBrand() : f.seriesByBrand();
        String brand = pick(lines.keySet().toArray(String[]::new));
        String[] series = lines.get(brand);
        Map<String, String> props = new LinkedHashMap<>();
        props.put("product", kind.product());
        props.put("brand", brand);
        for (String t : TYPES) {
            String[] vs = t.equals("series") ? series : values(kind, t);
            if (vs.length > 0 && random.nextDouble() < (t.equals("addon") ? 0.4 : 0.75)) {
                props.put(t, pick(vs));
            }
        }
        List<String> only = props.containsKey("series") ? SERIES_MATERIALS.get(props.get("series")) : null;
        if (only != null && props.containsKey("material") && !only.contains(props.get("material"))) {
            String[] fitting = Arrays.stream(kind.materials()).filter(only::contains).toArray(String[]::new);
            if (fitting.length > 0) {
                props.put("material", pick(fitting));
            } else {
                props.remove("series");
            }
        }
        // Long tail: one size in eight is a less common catalogue size of the same kind.
        if (props.containsKey("size") && kind.rareSizes().length > 0 && random.nextDouble() < 0.125) {
            props.put("size", kind.rareSizes()[random.nextInt(kind.rareSizes().length)]);
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

    /** A catalogue title: brand, line, size, type and product noun in Title Case ("Corning Falcon 50 mL Conical Centrifuge Tubes"). */
    private String name(Map<String, String> p) {
        List<String> words = new ArrayList<>();
        words.add(p.get("brand"));
        if (p.containsKey("series")) {
            words.add(p.get("series"));
        }
        // Catalogues put short numeric sizes before the noun ("50 mL Conical Tubes"), others after a comma.
        boolean sizeFirst = p.containsKey("size") && Character.isDigit(p.get("size").charAt(0))
                && p.get("size").split(" ").length <= 3 && random.nextBoolean();
        if (sizeFirst) {
            words.add(p.get("size"));
        }
        if (p.containsKey("type")) {
            words.add(titleCase(p.get("type")));
        }
        words.add(titleCase(p.get("product")));
        String title = String.join(" ", words);
        if (p.containsKey("size") && !sizeFirst) {
            title += ", " + p.get("size");
        }
        return title;
    }

    private String describe(Map<String, String> p) {
        List<String> parts = new ArrayList<>();
        String head = (p.containsKey("type") ? p.get("type") + " " : "") + p.get("product");
        if (p.containsKey("addon")) {
            head += " with " + p.get("addon");
        }
        switch (random.nextInt(3)) {
            case 0 -> {
                parts.add(capitalise(head));
                add(parts, p, "series");
                add(parts, p, "material");
                add(parts, p, "size");
                add(parts, p, "color");
                add(parts, p, "grade");
                add(parts, p, "quantity");
                parts.add("by " + p.get("brand"));
            }
            case 1 -> {
                parts.add(p.get("brand") + (p.containsKey("series") ? " " + p.get("series") : "") + " " + titleCase(head));
                add(parts, p, "size");
                add(parts, p, "material");
                add(parts, p, "grade");
                add(parts, p, "color");
                add(parts, p, "quantity");
            }
            default -> {
                StringBuilder sb = new StringBuilder();
                if (p.containsKey("grade")) {
                    sb.append(p.get("grade")).append(' ');
                }
                if (p.containsKey("color")) {
                    sb.append(p.get("color")).append(' ');
                }
                if (p.containsKey("material")) {
                    sb.append(p.get("material")).append(' ');
                }
                sb.append(head);
                parts.add(capitalise(sb.toString()));
                add(parts, p, "size");
                add(parts, p, "series");
                add(parts, p, "quantity");
                parts.add(p.get("brand"));
            }
        }
        return String.join(", ", parts);
    }

    /** Capitalises each word as catalogue titles do, leaving units, codes and small words as written. */
    static String titleCase(String s) {
        List<String> out = new ArrayList<>();
        for (String w : s.split(" ")) {
            boolean keep = w.isEmpty() || !w.equals(w.toLowerCase(Locale.ROOT)) || Character.isDigit(w.charAt(0))
                    || List.of("of", "per", "with", "x", "to", "in.", "mm", "cm", "mL", "µL", "µm").contains(w);
            out.add(keep ? w : capitalise(w));
        }
        return String.join(" ", out);
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
