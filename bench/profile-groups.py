#!/usr/bin/env python3
# Samples per 1,000 calls of bench/profile-calls.sh profiles, by thread group (worker, event loop, GC, JIT) and, for
# the worker, by the first of these components found on the stack (so each sample counts once) (branch perf16;
# similarProducts' parts: perf17).
#   python3 bench/profile-groups.py CALLS FILE.collapsed...
import collections, sys

WORKER_PARTS = [
    ('store (ProductStatements.read)', 'ProductStatements.read'),
    ('ranking: index walk, scoring, top-k (SimilarityIndex.similar)', 'SimilarityIndex.similar'),
    ("ranking: source's nodes (SimilarityIndex.nodesOf)", 'SimilarityIndex.nodesOf'),
    ('ranking: rest (SimilarityService.similar)', 'SimilarityService.similar'),
    ('hits\' fields: store (ProductStatements.summaries)', 'ProductStatements.summaries'),
    ('hits\' fields: rest (ProductGraphQLApi.productOf)', 'ProductGraphQLApi.productOf'),
    ("SmallRye's field context (populateFromDataFetchingEnvironment)", 'SmallRyeContextManager.populateFromDataFetchingEnvironment'),
    ('resolver context, selection lazy (ResolverFetcher.populate)', 'ResolverFetcher.populate'),
    ('per-request data loaders (ExecutionService.getDataLoaderRegistry)', 'ExecutionService.getDataLoaderRegistry'),
    ('response JSON (getExecutionResultAsString: SmallRye\'s or api/schema/ResponseJson)', 'getExecutionResultAsString'),
    ('response end, event-loop wake-up (Http1xServerResponse.end)', 'Http1xServerResponse.end'),
    ('worker idle (EnhancedQueueExecutor park)', 'PoolThreadNode.park'),
    ('rest of graphql-java execution (Execution.execute)', 'graphql/execution/Execution.execute'),
    ('rest of the SmallRye/Quarkus handler', 'SmallRyeGraphQLAbstractHandler.handle'),
]

def group(thread):
    if 'executor-thread' in thread:
        return 'worker'
    if 'eventloop' in thread:
        return 'event loop'
    if 'GC' in thread or 'G1' in thread:
        return 'GC'
    return 'JIT' if 'Compiler' in thread else 'other'

calls = int(sys.argv[1])
for path in sys.argv[2:]:
    threads, parts, total = collections.Counter(), collections.Counter(), 0
    for line in open(path):
        stack, count = line.rsplit(' ', 1)
        count = int(count)
        frames = stack.split(';')
        total += count
        g = group(frames[0])
        threads[g] += count
        if g == 'worker':
            name = next((n for n, p in WORKER_PARTS if any(p in f for f in frames)), 'worker, other')
            parts[name] += count
    k = 1000.0 / calls
    print('%s: %.0f per 1,000 calls | %s' % (path, total * k, ', '.join('%s %.0f' % (g, v * k) for g, v in threads.most_common())))
    for name, v in parts.most_common():
        print('  %7.1f  %s' % (v * k, name))
