package com.kggateway.ner.model;

import org.tensorflow.Graph;
import org.tensorflow.Session;
import org.tensorflow.proto.ConfigProto;

/** Sessions with bounded thread pools: the build machine is shared, so we never grab every core. */
public final class Sessions {
    private Sessions() { }

    public static ConfigProto config(int intraOpThreads) {
        return ConfigProto.newBuilder()
                .setIntraOpParallelismThreads(intraOpThreads)
                .setInterOpParallelismThreads(1)
                .build();
    }

    public static Session open(Graph graph, int intraOpThreads) {
        return new Session(graph, config(intraOpThreads));
    }
}
