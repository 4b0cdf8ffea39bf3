package com.kggateway.ner.gen;

import java.util.List;

/**
 * Description templates. Tokens are separated by spaces: {slot} is an entity (or {with}/{filler}/{cat}, tagged O),
 * [ ... ] is optional, anything else is a literal tagged O. The last {@link #HELD_OUT_COUNT} templates are used
 * only by the held-out test split, so word orders and connective phrasing there are never seen in training.
 */
final class Templates {
    private Templates() { }

    static final List<String> TRAIN = List.of(
        "{type} {product} {with} {addon} , {series} , {material}",
        "{brand} {series} {product} , {material} , {size} , {quantity}",
        "{product} , {type} , {material} , {size} [ , {color} ] [ , {grade} ]",
        "{brand} {type} {product} {with} {addon} - {size} - {quantity}",
        "{series} {size} {type} {product} [ , {grade} ] , {quantity}",
        "{product} {size} {material} {color} {quantity}",
        "{brand} {product} {size} ; {material} ; {grade} ; {quantity}",
        "{grade} {type} {product} [ {with} {addon} ] by {brand} , {size}",
        "{product} - {brand} {series} - {type} - {size}",
        "{brand} {series} {type} {product} , {size} , {grade} , {quantity} , {filler}",
        "{quantity} {type} {product} , {size} , {color}",
        "{material} {product} , {type} , {with} {addon} , {size} , {brand}",
        "{brand} {product} {series} {size} {grade} [ {filler} ]",
        "{color} {type} {product} [ {material} ] {size} - {quantity} - {cat}",
        "{type} {material} {product} {with} {addon} and {addon} , {size}",
        "{product} ( {type} ) , {size} ; {grade} ; {brand} {cat}",
        "{brand} {series} {type} {product} {with} {addon} , {material} , {color} , {size} , {grade} , {quantity} . {filler} . {filler} . {cat}",
        "{product} : {type} , {material} , {size} , {quantity} , {brand}",
        "{filler} {type} {product} from {brand} , {size} , {quantity}",
        "{brand} - {product} - {material} - {size} - {color} - {quantity}",
        "{product} , {series} {type} , {material} {with} {addon} , {size} , {quantity} , {cat}",
        "{grade} {product} , {size} , {brand} {series}",
        "{material} {type} {product} ; {color} ; {size} ; {quantity} ; {grade}",
        "{product} , {type} ( {grade} ) , {size} , {material} , {color} , pack : {quantity}",
        "{brand} {type} {product} {size} , {grade} - {filler}",
        "{type} {product} made of {material} {with} {addon} . Available in {color} . Capacity {size} . Supplied as {quantity} . {filler} . {filler} . {cat}",
        "{cat} {brand} {product} , {type} , {size}",
        "{size} {type} {product} , {material} , {brand} {series} , {grade} , {quantity} , {filler} , {filler}",
        // short descriptions written as sentences
        "{brand} {product} are made of {material} and come in {color} . {filler} . Supplied as {quantity} .",
        "This {type} {product} features {addon} and is {grade} . Capacity {size} .",
        "{series} {product} in {color} {material} , {size} . {filler} ; {quantity} .",
        "{product} , {size} , {type} ; made from {material} by {brand} .",
        // held-out templates below (HELD_OUT_COUNT of them)
        "{size} {color} {material} {product} ( {quantity} )",
        "{product} | {size} | {material} | {quantity}",
        "{brand} {size} {product} in {material} , {color}",
        "{series} by {brand} : {product} , {size} , {type}",
        "{quantity} of {size} {product} ( {brand} , {series} )",
        "{type} {product} {size} {with} {addon} , {quantity}",
        "{product} for {filler} - {type} , {grade} , {size} / {quantity}",
        "Description : {brand} {series} {product} ; Material : {material} ; Size : {size} ; Color : {color} ; Pack : {quantity} ; {filler} ; {cat}"
    );

    static final int HELD_OUT_COUNT = 8;

    static List<String> training() {
        return TRAIN.subList(0, TRAIN.size() - HELD_OUT_COUNT);
    }

    static List<String> heldOut() {
        return TRAIN.subList(TRAIN.size() - HELD_OUT_COUNT, TRAIN.size());
    }
}
