package com.kggateway.ner.gen;

import java.util.List;

/**
 * Hand-written laboratory-supply vocabulary. Every list is later split into a training part and a held-out part
 * (see {@link VocabularySplit}), so held-out test descriptions contain phrases the model never saw.
 */
final class Lexicon {
    private Lexicon() { }

    static final List<Family> FAMILIES = List.of(
        Family.of("fittings", List.of("inch", "mm", "thread", "length"),
            "product: couplings | quick-disconnect couplings | hose barb fittings | luer lock fittings | tube fittings | elbow connectors | tee connectors | reducing unions | hose clamps | check valves | couplers | inline couplings | bulkhead fittings | y connectors | panel mount couplings | compression fittings",
            "type: general purpose | in-line | panel mount | straight-through | non-spill | high flow | barbed | threaded | push-to-connect | male | female | low pressure | miniature | right angle | dry break | valved",
            "addon: valve | shutoff valve | o-ring | locking collar | thumb latch | hose barb | pipe thread | EPDM seal | buna-n o-ring | shut-off",
            "material: acetal | polypropylene | brass | 316 stainless steel | nylon | PVDF | chrome-plated brass | polysulfone | 304 stainless steel | PTFE | Kynar | aluminum",
            "color: white | black | natural | blue | red | yellow | green",
            "brand: Colder Products | CPC | Parker | Cole-Parmer | Nordson | Swagelok | Qosina | Eldon James",
            "series: PMC Series | LinkTech | NS4 Series | SMC Series | MPX Series | HFC Series | APC Series | LQS Series",
            "grade: food grade | USP Class VI | animal-free | autoclavable | FDA compliant | medical grade"),
        Family.of("tubes", List.of("mL", "dims"),
            "product: centrifuge tubes | microcentrifuge tubes | PCR tubes | vials | culture tubes | test tubes | tubes | snap-cap tubes | cryovials | sample tubes | PCR strips | storage tubes | transport tubes | screw-cap tubes",
            "type: conical | cryogenic | round-bottom | flat-top | self-standing | low retention | skirted | graduated | thin-wall | printed graduations | high clarity | internal thread | external thread | low binding | 8-strip | free-standing",
            "addon: screw cap | attached cap | plug seal cap | flat cap | dome cap | rack | caps | writing area | silicone washer | hinged lid | foam rack",
            "material: polypropylene | polystyrene | borosilicate glass | PET | polycarbonate | soda-lime glass | virgin polypropylene | HDPE",
            "color: clear | amber | blue | natural | assorted | yellow | green | red | translucent | orange",
            "brand: Corning | Eppendorf | Thermo Scientific | Greiner Bio-One | VWR | Sarstedt | Fisherbrand | Simport | Globe Scientific | Bio Plas | Falcon | Nalgene | Axygen | Nunc",
            "series: Safe-Lock | CryoELITE | Protein LoBind | SuperClear | CELLSTAR | MAXYMum Recovery | Cryoware",
            "grade: sterile | RNase/DNase-free | DNase-free | pyrogen-free | non-sterile | gamma irradiated | certified free of DNA | endotoxin-free | PCR clean"),
        Family.of("tips", List.of("uL", "uLrange", "mL"),
            "product: pipette tips | filter tips | pipettes | transfer pipets | gel loading tips | pipet tips | aspirating pipettes | micropipette tips | reload tips | pipets",
            "type: serological | low retention | universal fit | extended length | wide bore | graduated | racked | bulk | beveled | refill | fine point | short | long | individually wrapped | paper/plastic wrapped",
            "addon: filter | hinged rack | refill insert | aerosol barrier | plugged end | cotton plug | reload tray",
            "material: polypropylene | polystyrene | glass | LDPE | virgin polypropylene",
            "color: natural | clear | blue | yellow | colorless | orange",
            "brand: Eppendorf | Rainin | Gilson | Thermo Scientific | Mettler Toledo | Sartorius | USA Scientific | Corning | Biotix | Labcon",
            "series: epT.I.P.S. | ART | Finntip | LTS | TipOne | Diamond | Stripette | Optifit | Safe-Seal | SoftFit-L | Maxymum",
            "grade: sterile | RNase/DNase-free | pyrogen-free | non-sterile | DNA-free | certified PCR-clean | human DNA-free | endotoxin free | Biopur | PCR clean"),
        Family.of("gloves", List.of("garment"),
            "product: gloves | exam gloves | cleanroom gloves | cryo gloves | lab coats | safety gloves | coveralls | sleeve covers | shoe covers | face masks | safety glasses | chemical gloves",
            "type: disposable | powder-free | extended cuff | textured fingertips | ambidextrous | chemical resistant | fully textured | knee-length | snap-front | thin | heavy-duty | mid-arm | waterproof",
            "addon: beaded cuff | dispenser box | knit cuffs | pockets | elastic wrists | side shields | ear loops | zipper",
            "material: nitrile | latex | neoprene | vinyl | polyethylene | polypropylene | Tyvek | polyester | nitrile rubber | natural rubber latex",
            "color: blue | purple | white | black | green | orange | violet | light blue | ice blue",
            "brand: Kimberly-Clark | Ansell | Microflex | Showa | Halyard | Dupont | Uvex | Kimtech | SHIELDskin | Medline",
            "series: Sterling | TouchNTuff | Purple Nitrile | G3 | Ultra | MidKnight | Black Widow | Cryo-Grip | Genesys",
            "grade: ISO Class 4 | ISO Class 5 | sterile | exam grade | food safe | cleanroom class 100 | chemo-rated | ASTM D6319 | non-sterile | medical grade"),
        Family.of("glassware", List.of("mL", "L", "dims"),
            "product: beakers | Erlenmeyer flasks | volumetric flasks | graduated cylinders | media bottles | Petri dishes | watch glasses | funnels | burets | desiccators | Buchner funnels | Kjeldahl flasks | round-bottom flasks | separatory funnels | crystallizing dishes | test tube racks | Dewar flasks | staining jars",
            "type: Class A | Class B | low form | wide mouth | narrow mouth | graduated | heavy duty | reusable | square | tall form | serialized | double scale | flat bottom | jacketed | vacuum",
            "addon: lid | pour spout | stopper | screw cap | PTFE stopcock | glass stopper | hexagonal base | spout | ground glass joint | rim | protective coating",
            "material: borosilicate glass | soda-lime glass | borosilicate 3.3 glass | quartz | PMP | polymethylpentene | fused silica | glass | PTFE",
            "color: clear | amber | brown | white | blue",
            "brand: Corning | DWK Life Sciences | Kimble | Wheaton | Bel-Art | Chemglass | Wilmad | Ace Glass | Pyrex | Kimax | Duran | Nalgene | Schott",
            "series: Vista | SCIENCEWARE | GL45",
            "grade: certified | NIST-traceable | ASTM E438 Type I | batch certified | individually certified | USP | ISO 4788 | calibrated"),
        Family.of("filters", List.of("pore", "mm", "mL"),
            "product: syringe filters | membrane filters | vacuum filter units | bottle-top filters | filter paper | filter units | capsule filters | filter discs | spin columns | filtration units | depth filters",
            "type: centrifugal | hydrophilic | hydrophobic | qualitative | quantitative | ashless | hardened | low extractable | fast flow | vented | disc | pleated",
            "addon: luer lock inlet | prefilter | receiver flask | housing | glass fiber prefilter | luer slip outlet | receiver bottle | funnel",
            "material: PES | PVDF | nylon | PTFE | cellulose acetate | mixed cellulose ester | glass fiber | regenerated cellulose | polyethersulfone | polypropylene | cellulose nitrate | quartz fiber",
            "color: white | blue | green | black | yellow",
            "brand: MilliporeSigma | Merck Millipore | Pall | Cytiva | Sartorius | Thermo Scientific | Whatman | Foxx Life Sciences | Ahlstrom",
            "series: Millex | Stericup | Amicon Ultra | Rapid-Flow | Acrodisc | Minisart | Steriflip | Vivaspin | Puradisc",
            "grade: sterile | Grade 1 | HPLC grade | low protein binding | gamma irradiated | Grade 42 | non-sterile | certified | Grade 597 | ultracleaned"),
        Family.of("reagents", List.of("mass", "mass", "L", "mL", "mesh", "floz"),
            "product: sodium chloride | ethanol | methanol | acetonitrile | hydrochloric acid | Tris base | agarose | dimethyl sulfoxide | phosphate buffered saline | glycerol | sodium hydroxide | potassium phosphate monobasic | isopropanol | EDTA disodium salt | acetone | sulfuric acid | bovine serum albumin | sodium dodecyl sulfate | formamide | chloroform | Tween 20 | HEPES buffer | magnesium chloride | calcium carbonate",
            "type: anhydrous | low EEO | crystalline | powder | solution | denatured | granular | fuming | lyophilized | liquid | pellets | hexahydrate | pentahydrate | dihydrate | monohydrate | glacial | buffered | bottle | drum | spray bottle | flakes | beads | shot | turnings",
            "addon: septum cap | dispensing cap | sure-seal cap | safety coated bottle | desiccant | drum tap | pour spout | PTFE-lined cap",
            "material: glass | plastic | amber glass | HDPE | poly | fluorinated HDPE",
            "color: amber | clear | colorless | white | yellow",
            "brand: Sigma-Aldrich | Fisher Chemical | MilliporeSigma | Honeywell | Avantor | J.T.Baker | Alfa Aesar | TCI | Acros Organics | Spectrum Chemical | Macron",
            "series: Baker Analyzed | UltraPure | AcroSeal | Sure/Seal | DriSolv | Titripur | Suprapur | SeccoSolv",
            "grade: ACS grade | ACS reagent | HPLC grade | USP | reagent grade | BioReagent | ≥99.5% | for molecular biology | ultrapure | LC-MS grade | technical grade | ≥99% | laboratory grade | NF | analytical reagent | spectrophotometric grade | semiconductor grade | Emsure | Chromasolv | LiChrosolv | BioXtra | ReagentPlus | Certified ACS | trace metal grade | molecular biology | 1X | 10X | 1 M"),
        Family.of("instruments", List.of("capacity", "rpm", "dims", "places"),
            "product: microcentrifuge | vortex mixer | magnetic stirrer | hot plate stirrer | pH meter | analytical balance | water bath | incubator | pipette controller | thermal cycler | orbital shaker | dry block heater | benchtop centrifuge | spectrophotometer | homogenizer | rocker | top loading balance | heating mantle",
            "type: digital | benchtop | refrigerated | ventilated | variable speed | high speed | analog | compact | mini | programmable | touchscreen | cordless | circulating | multi-position | heavy-duty",
            "addon: rotor | lid | display | platform | universal adapter | temperature probe | 24-place rotor | draft shield | electrode | foam insert | carrying case | USB port | clamp",
            "material: stainless steel | aluminum | ceramic | cast aluminum | polypropylene | ABS",
            "color: white | gray | black | blue | silver",
            "brand: Eppendorf | Thermo Scientific | IKA | Ohaus | Mettler Toledo | Benchmark Scientific | Corning | Scilogex | Heidolph | Bio-Rad | Drummond | Fisherbrand | Labnet",
            "series: MiniSpin | Vortex-Genie 2 | RCT basic | Explorer | Heratherm | Pipet-Aid | C1000 Touch | MaxQ | AccuBlock | Sorvall Legend | Isotemp | Scout | Centrifuge 5425 | NanoDrop | Digital Series",
            "grade: calibrated | NTEP certified | CE certified | ISO 17025 calibrated | UL listed | legal for trade"),
        Family.of("consumables", List.of("mm", "dims", "mL", "area", "wells", "wells"),
            "product: weighing boats | cell culture plates | microplates | cell scrapers | inoculating loops | cuvettes | sample bags | wipes | sealing film | labeling tape | cryoboxes | freezer boxes | tip racks | deep well plates | culture flasks | spreaders | swabs | sealing mats | reservoirs",
            "type: tissue culture treated | flat bottom | U-bottom | V-bottom | anti-static | semi-micro | disposable | low-lint | vented | non-treated | half-area | hexagonal",
            "addon: lid | hinged lid | grid divider | writing area | filter cap | plug seal cap | numbered grid | canted neck | flip top | tab",
            "material: polystyrene | polypropylene | PMMA | cardboard | paraffin | quartz | cellulose | polyester | foam | UV-transparent plastic | optical glass",
            "color: white | black | clear | assorted colors | yellow | red | green | blue | pink",
            "brand: Corning | Thermo Scientific | Greiner Bio-One | Kimberly-Clark | Bemis | Heathrow Scientific | Argos | Starlab | Simport | Falcon | Costar | Whirl-Pak",
            "series: Kimwipes | Parafilm M | Nunclon | BioLite | CELLSTAR | Kimtech Science | PlateMax | UV-Cuvette",
            "grade: sterile | non-sterile | non-pyrogenic | TC-treated | DNase/RNase-free | cytotoxicity tested | endotoxin-free | low-binding | ISO Class 5 | certified"),
        Family.of("bottles", List.of("L", "mL", "gal", "floz"),
            "product: carboys | wash bottles | reagent bottles | dispensing bottles | aspirator bottles | jerricans | spray bottles | sample bottles | storage bottles | vials | dropper bottles | safety cans",
            "type: narrow mouth | wide mouth | square | graduated | heavy-duty | rectangular | vented | unitary | self-venting | pre-labeled | leak-resistant | collapsible",
            "addon: spigot | handle | closure | screw cap | dispensing cap | sprayer | stopcock | septum | dropper tip | tamper-evident seal | vent cap | labels",
            "material: HDPE | LDPE | polypropylene | PETG | FEP | PTFE | polycarbonate | amber glass | clear glass | PFA",
            "color: natural | amber | white | translucent | clear | red | green | yellow",
            "brand: Thermo Scientific | Bel-Art | Kartell | Qorpak | Wheaton | Azlon | Justrite | Eagle | Corning | VWR | Nalgene",
            "series: I-Chem | SCIENCEWARE | Boston Round | Safety Labeled | Rapid-Flow | LabChoice | Wash-N-Dry",
            "grade: certified clean | EPA certified | sterile | pre-cleaned | chemically resistant | food grade | UN rated | Level 1 certified")
    );

    /** Marketing/spec phrases that must be tagged O. */
    static final List<String> FILLERS = List.of(
        "ideal for cell culture", "compatible with most standard rotors", "autoclavable", "leak-proof",
        "individually wrapped", "latex free", "for research use only", "made in USA", "RUO", "new",
        "bulk packed", "ships same day", "economical choice", "for routine laboratory use", "easy to open",
        "reduces sample loss", "excellent chemical resistance", "high clarity for easy viewing",
        "designed for high-throughput workflows", "suitable for freezing to -80 °C", "stackable design",
        "meets RoHS requirements", "one-handed operation", "temperature range -20 to 121 °C",
        "printed lot number", "ergonomic design", "resealable packaging", "120 V, 60 Hz", "230 V",
        "rated to 10,000 x g", "UPC 012345678905", "limited lifetime warranty", "discontinued by manufacturer",
        "replacement part", "ships in 2-3 days", "store at room temperature", "keep away from heat",
        "compatible with multichannel pipettes", "for use with vacuum manifolds", "low dead volume",
        "CE marked", "heavy-walled construction", "space-saving footprint", "see catalog for details",
        "lot-specific certificate available", "shelf life 24 months", "minimizes splashing", "chemically inert",
        // marketing as real listings have it
        "Free Shipping", "Best Seller", "New!", "high quality", "premium quality", "lab quality", "great value",
        "bulk savings", "in stock", "fast delivery", "top rated", "customer favorite", "professional use",
        "for laboratory use", "for industrial use", "multi-purpose", "heavy use", "limited stock",
        // colour and material words outside entities: the model must read context, not just the word
        "for use with glass and plastic labware", "safe on stainless steel surfaces", "not for use with aluminum",
        "white label available", "black print on label", "suitable for metal and glass", "wipes clean",
        "for rubber and plastic parts", "red-capped for easy identification", "see color chart");

    /**
     * A chemical's form or hydration written right after its name: a type of its own ("Sodium Chloride" +
     * "Crystals"), as the dev-set annotation guide labels it.
     */
    static final List<String> CHEMICAL_FORMS = List.of("Crystals", "Crystal", "Powder", "Solution", "Pellets",
            "Granules", "Granular", "Flakes", "Flake", "Chips", "Beads", "Liquid", "Anhydrous", "Hexahydrate",
            "Pentahydrate", "Dihydrate", "Monohydrate", "Trihydrate", "Heptahydrate", "Glacial", "Fused", "Precipitated",
            "Shot", "Turnings", "Wire", "Foil", "Lumps", "Pieces", "Gel", "Paste", "Dried", "Light", "Heavy");

    /**
     * Standard abbreviations of plastics and elastomers as ISO 1043-1 (plastics) and ISO 1629 / ASTM D1418
     * (rubbers) define them: catalogues write the material as the code far more often than the name. Taken from
     * those standards' symbol lists, not from any catalogue or the dev set.
     */
    static final List<String> MATERIAL_ABBREVIATIONS = List.of("ABS", "ASA", "CA", "CAB", "EVA", "EVOH", "HDPE", "LDPE",
            "LLDPE", "MDPE", "PA", "PA6", "PA66", "PAI", "PB", "PBT", "PC", "PCTFE", "PE", "PEEK", "PEI", "PEK", "PES",
            "PET", "PETG", "PFA", "PI", "PMMA", "PMP", "POM", "PP", "PPE", "PPS", "PPSU", "PS", "PSU", "PTFE", "PUR", "PVA",
            "PVB", "PVC", "PVDC", "PVDF", "PVF", "SAN", "SB", "TPE", "TPU", "UHMWPE", "UPVC", "CPVC", "ETFE", "ECTFE",
            "FEP", "HIPS", "EPDM", "NBR", "HNBR", "FKM", "FFKM", "SBR", "CR", "IIR", "VMQ", "FVMQ", "ACM", "NR");

    /** Connectors between the head phrase and an accessory; all tagged O. */
    static final List<String> WITH = List.of("with", "with", "with", "w/", "incl.", "including", "and", "plus", "featuring");
}
