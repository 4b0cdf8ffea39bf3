package dev.kggateway.domain;

/** A property type with the number of property nodes of that type and of products using one of them. */
public record PropertyTypeStats(String type, int propertyCount, int productCount) {
}
