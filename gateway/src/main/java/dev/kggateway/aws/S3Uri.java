package dev.kggateway.aws;

/** {@code s3://bucket/key-or-prefix}, parsed. The key has no leading slash and may be empty. */
public record S3Uri(String bucket, String key) {

    public static boolean isS3(String uri) {
        return uri != null && uri.startsWith("s3://");
    }

    public static S3Uri parse(String uri) {
        if (!isS3(uri)) {
            throw new IllegalArgumentException("not an s3:// URI: " + uri);
        }
        String rest = uri.substring("s3://".length());
        int slash = rest.indexOf('/');
        String bucket = slash < 0 ? rest : rest.substring(0, slash);
        String key = slash < 0 ? "" : rest.substring(slash + 1);
        if (bucket.isEmpty()) {
            throw new IllegalArgumentException("s3:// URI without a bucket: " + uri);
        }
        return new S3Uri(bucket, key);
    }

    /** The key with a trailing '/' (when not empty): the prefix of the objects "inside" it. */
    public String keyAsPrefix() {
        return key.isEmpty() || key.endsWith("/") ? key : key + "/";
    }

    /** A key below this one. */
    public S3Uri resolve(String name) {
        return new S3Uri(bucket, keyAsPrefix() + name);
    }

    @Override
    public String toString() {
        return "s3://" + bucket + "/" + key;
    }
}
