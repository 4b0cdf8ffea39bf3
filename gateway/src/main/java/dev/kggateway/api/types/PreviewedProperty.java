package dev.kggateway.api.types;

import dev.kggateway.ingest.EnrichmentThreshold;
import dev.kggateway.ner.ExtractedProperty;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

/** One property of {@code extractProperties}, marked with what ingest would do with it. */
@Name("ExtractedProperty")
@Description("A property the model found in a text.")
public class PreviewedProperty {
    @NonNull
    @Description("Property type the model assigned (material, color, size …).")
    public String type;
    @NonNull
    @Description("The value, normalised like stored values.")
    public String value;
    @NonNull
    @Description("Confidence of the link: the probability its model folder's span verifier gives that it is right "
            + "when the folder ships one (span-verifier.json), else the mean probability of the entity's word tags "
            + "(calibrated when the model ships a calibration).")
    public double confidence;
    @NonNull
    @Description("Character offsets of the entity in the text (start inclusive, end exclusive).")
    public int start;
    @NonNull
    @Description("End offset of the entity in the text (exclusive).")
    public int end;
    @NonNull
    @Description("True when confidence is below minConfidence: ingest would not write this link (it still marks a "
            + "vendor property with the same type and value as confirmed by the model).")
    public boolean belowThreshold;
    @NonNull
    @Description("The threshold in effect for this property's type: kg.ner.min-confidence-by-type.<type>, else "
            + "kg.ner.min-confidence, else the model's calibrated threshold for the type, else its global one, else 0.5.")
    public double minConfidence;

    public static PreviewedProperty of(ExtractedProperty e, EnrichmentThreshold.Threshold threshold) {
        PreviewedProperty p = new PreviewedProperty();
        p.type = e.type();
        p.value = e.value();
        p.confidence = e.confidence();
        p.start = e.start();
        p.end = e.end();
        p.belowThreshold = !threshold.keeps(e.type(), e.confidence());
        p.minConfidence = threshold.of(e.type());
        return p;
    }
}
