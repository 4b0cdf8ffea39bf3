package com.kggateway.ner.pretrained;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.WireFormat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parts of an ONNX model file ({@code onnx.proto}, protobuf) needed to take its weights: the graph's float
 * initializers (name, dims, values) and its nodes (name, op type, inputs, outputs). Read with protobuf-java's
 * {@link CodedInputStream} (on the class path through TF Java), field numbers as in onnx.proto; everything else in
 * the file (attributes, value infos, opsets) is skipped. Only FLOAT tensors are decoded: the weights of an fp32
 * export; INT64 initializers (shapes, axes) are listed by name only.
 */
public final class OnnxGraph {
    /** A float initializer; {@code dims} in ONNX order (row-major). */
    public record Tensor(String name, long[] dims, float[] values) { }

    /** A graph node: e.g. name {@code /encoder/layer.0/attention/self/query/MatMul}, op type {@code MatMul}. */
    public record Node(String name, String opType, List<String> inputs, List<String> outputs) { }

    // onnx.proto field numbers
    private static final int MODEL_GRAPH = 7;
    private static final int GRAPH_NODE = 1;
    private static final int GRAPH_INITIALIZER = 5;
    private static final int NODE_INPUT = 1;
    private static final int NODE_OUTPUT = 2;
    private static final int NODE_NAME = 3;
    private static final int NODE_OP_TYPE = 4;
    private static final int TENSOR_DIMS = 1;
    private static final int TENSOR_DATA_TYPE = 2;
    private static final int TENSOR_FLOAT_DATA = 4;
    private static final int TENSOR_NAME = 8;
    private static final int TENSOR_RAW_DATA = 9;
    private static final int TENSOR_DATA_LOCATION = 14;
    private static final int FLOAT = 1;
    private static final int EXTERNAL = 1;

    private final Map<String, Tensor> initializers;
    private final List<Node> nodes;

    private OnnxGraph(Map<String, Tensor> initializers, List<Node> nodes) {
        this.initializers = initializers;
        this.nodes = nodes;
    }

    public static OnnxGraph read(InputStream in) throws IOException {
        return read(in.readAllBytes());
    }

    public static OnnxGraph read(byte[] model) throws IOException {
        CodedInputStream cin = CodedInputStream.newInstance(model);
        cin.setSizeLimit(Integer.MAX_VALUE);
        Map<String, Tensor> initializers = new LinkedHashMap<>();
        List<Node> nodes = new ArrayList<>();
        boolean graphSeen = false;
        while (!cin.isAtEnd()) {
            int tag = cin.readTag();
            if (isMessage(tag, MODEL_GRAPH)) {
                within(cin, graph -> {
                    readGraph(graph, initializers, nodes);
                    return null;
                });
                graphSeen = true;
            } else {
                cin.skipField(tag);
            }
        }
        if (!graphSeen) {
            throw new IOException("not an ONNX model: no graph (ModelProto field 7)");
        }
        return new OnnxGraph(initializers, nodes);
    }

    private static void readGraph(CodedInputStream cin, Map<String, Tensor> initializers, List<Node> nodes)
            throws IOException {
        while (!cin.isAtEnd()) {
            int tag = cin.readTag();
            if (isMessage(tag, GRAPH_NODE)) {
                nodes.add(within(cin, OnnxGraph::readNode));
            } else if (isMessage(tag, GRAPH_INITIALIZER)) {
                Tensor t = within(cin, OnnxGraph::readTensor);
                if (t != null) {
                    initializers.put(t.name(), t);
                }
            } else {
                cin.skipField(tag);
            }
        }
    }

    private static Node readNode(CodedInputStream cin) throws IOException {
        List<String> inputs = new ArrayList<>();
        List<String> outputs = new ArrayList<>();
        String name = "";
        String opType = "";
        while (!cin.isAtEnd()) {
            int tag = cin.readTag();
            switch (WireFormat.getTagFieldNumber(tag)) {
                case NODE_INPUT -> inputs.add(cin.readString());
                case NODE_OUTPUT -> outputs.add(cin.readString());
                case NODE_NAME -> name = cin.readString();
                case NODE_OP_TYPE -> opType = cin.readString();
                default -> cin.skipField(tag);
            }
        }
        return new Node(name, opType, List.copyOf(inputs), List.copyOf(outputs));
    }

    /** A FLOAT tensor, or null for any other data type. */
    private static Tensor readTensor(CodedInputStream cin) throws IOException {
        List<Long> dims = new ArrayList<>();
        int dataType = 0;
        String name = "";
        byte[] raw = null;
        List<Float> floatData = new ArrayList<>();
        while (!cin.isAtEnd()) {
            int tag = cin.readTag();
            switch (WireFormat.getTagFieldNumber(tag)) {
                case TENSOR_DIMS -> readRepeated(cin, tag, CodedInputStream::readInt64, dims);
                case TENSOR_DATA_TYPE -> dataType = cin.readInt32();
                case TENSOR_NAME -> name = cin.readString();
                case TENSOR_RAW_DATA -> raw = cin.readByteArray();
                case TENSOR_FLOAT_DATA -> readRepeated(cin, tag, CodedInputStream::readFloat, floatData);
                case TENSOR_DATA_LOCATION -> {
                    if (cin.readInt32() == EXTERNAL) {
                        throw new IOException("initializer " + name + " keeps its data in an external file: not supported");
                    }
                }
                default -> cin.skipField(tag);
            }
        }
        if (dataType != FLOAT) {
            return null;
        }
        long[] d = dims.stream().mapToLong(Long::longValue).toArray();
        long size = Arrays.stream(d).reduce(1, (a, b) -> a * b);
        float[] values;
        if (raw != null) {
            if (raw.length != size * 4) {
                throw new IOException("initializer " + name + ": " + raw.length + " bytes for dims " + Arrays.toString(d));
            }
            values = new float[(int) size];
            ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values); // ONNX raw data is little-endian
        } else {
            if (floatData.size() != size) {
                throw new IOException("initializer " + name + ": " + floatData.size() + " floats for dims " + Arrays.toString(d));
            }
            values = new float[(int) size];
            for (int i = 0; i < values.length; i++) {
                values[i] = floatData.get(i);
            }
        }
        return new Tensor(name, d, values);
    }

    /** Reads one value from a {@link CodedInputStream}. */
    @FunctionalInterface
    private interface Reader<T> {
        T read(CodedInputStream cin) throws IOException;
    }

    private static boolean isMessage(int tag, int field) {
        return WireFormat.getTagFieldNumber(tag) == field
                && WireFormat.getTagWireType(tag) == WireFormat.WIRETYPE_LENGTH_DELIMITED;
    }

    /** Reads one length-delimited field (a sub-message, or a packed run of scalars) with {@code reader}. */
    private static <T> T within(CodedInputStream cin, Reader<T> reader) throws IOException {
        int limit = cin.pushLimit(cin.readRawVarint32());
        T value = reader.read(cin);
        cin.popLimit(limit);
        return value;
    }

    /**
     * One occurrence of a repeated scalar field: packed (a length-delimited run) or a single value; writers may use
     * either.
     */
    private static <T> void readRepeated(CodedInputStream cin, int tag, Reader<T> one, List<T> into) throws IOException {
        if (WireFormat.getTagWireType(tag) != WireFormat.WIRETYPE_LENGTH_DELIMITED) {
            into.add(one.read(cin));
            return;
        }
        within(cin, run -> {
            while (!run.isAtEnd()) {
                into.add(one.read(run));
            }
            return null;
        });
    }

    public Map<String, Tensor> initializers() {
        return initializers;
    }

    public List<Node> nodes() {
        return nodes;
    }

    /** The float initializer called {@code name}; fails naming it when absent. */
    public Tensor initializer(String name) {
        Tensor t = initializers.get(name);
        if (t == null) {
            throw new IllegalStateException("ONNX model has no float initializer " + name);
        }
        return t;
    }

    /**
     * The float initializer the node called {@code nodeName} takes as an input (e.g. the weight of a MatMul that
     * an exporter named {@code onnx::MatMul_1234}): found through the node, never by position in the file.
     */
    public Tensor weightOf(String nodeName) {
        Node node = nodes.stream().filter(n -> n.name().equals(nodeName)).findFirst()
                .orElseThrow(() -> new IllegalStateException("ONNX model has no node " + nodeName));
        List<Tensor> weights = node.inputs().stream().filter(initializers::containsKey).map(initializers::get).toList();
        if (weights.size() != 1) {
            throw new IllegalStateException("ONNX node " + nodeName + " takes " + weights.size()
                    + " float initializers, expected 1: " + node.inputs());
        }
        return weights.get(0);
    }
}
