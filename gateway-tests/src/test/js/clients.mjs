// Real GraphQL clients against a running gateway: Apollo Client 4 with its persisted-queries link (hash-only GET,
// then the fallback) and graphql-request (POST and GET). Run by HttpClientsTest: `node clients.mjs <graphql url>`.
// Prints one JSON line with what went over the wire; exits non-zero when a client call fails or a check does not hold.
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { ApolloClient, HttpLink, InMemoryCache, gql } from "@apollo/client";
import { PersistedQueryLink } from "@apollo/client/link/persisted-queries";
import { GraphQLClient, request } from "graphql-request";

const url = process.argv[2];
const wire = [];
/** fetch that records method, whether a query text was sent, status and caching headers. */
async function recordingFetch(input, init = {}) {
  const method = (init.method || "GET").toUpperCase();
  const target = String(input);
  const sentQuery = method === "GET" ? new URL(target).searchParams.has("query") : /"query"/.test(String(init.body));
  const response = await fetch(input, init);
  const text = await response.clone().text();
  wire.push({ method, sentQuery, status: response.status, etag: response.headers.get("etag"),
    cacheControl: response.headers.get("cache-control"), notFound: text.includes("PERSISTED_QUERY_NOT_FOUND") });
  return response;
}

const PRODUCTS = gql`
  query Listing($first: Int) {
    products(first: $first) { totalCount edges { cursor node { id name } } pageInfo { hasNextPage endCursor } }
  }
`;

const sha256 = (text) => createHash("sha256").update(text, "utf8").digest("hex");
const apollo = new ApolloClient({
  cache: new InMemoryCache(),
  link: new PersistedQueryLink({ sha256, useGETForHashedQueries: true })
    .concat(new HttpLink({ uri: url, fetch: recordingFetch })),
});

const summary = {};
// 1. Unknown hash: GET without the query, PERSISTED_QUERY_NOT_FOUND, the link falls back to POST with the query.
const first = await apollo.query({ query: PRODUCTS, variables: { first: 3 }, fetchPolicy: "network-only" });
assert.equal(first.error, undefined);
assert.equal(first.data.products.edges.length, 3);
summary.firstRound = wire.splice(0);
assert.deepEqual(summary.firstRound.map((w) => [w.method, w.sentQuery, w.notFound]),
  [["GET", false, true], ["POST", true, false]], JSON.stringify(summary.firstRound));

// 2. Known hash: one GET without the query, answered with data, Cache-Control and an ETag.
const second = await apollo.query({ query: PRODUCTS, variables: { first: 3 }, fetchPolicy: "network-only" });
assert.deepEqual(second.data, first.data);
summary.secondRound = wire.splice(0);
assert.deepEqual(summary.secondRound.map((w) => [w.method, w.sentQuery, w.status]), [["GET", false, 200]]);
assert.ok(summary.secondRound[0].etag, "GET answer carries an ETag");
assert.ok(summary.secondRound[0].cacheControl, "GET answer carries Cache-Control");
summary.totalCount = first.data.products.totalCount;
summary.ids = first.data.products.edges.map((e) => e.node.id);

// 3. graphql-request: POST (the default) and GET, same answer.
const query = `query Listing($first: Int) { products(first: $first) { totalCount edges { node { id } } } }`;
const viaPost = await request(url, query, { first: 3 });
const viaGet = await new GraphQLClient(url, { method: "GET", fetch: recordingFetch }).request(query, { first: 3 });
assert.deepEqual(viaGet, viaPost);
assert.deepEqual(viaPost.products.edges.map((e) => e.node.id), summary.ids);
summary.graphqlRequestGet = wire.splice(0);
assert.equal(summary.graphqlRequestGet[0].method, "GET");

// 4. graphql-request sees a coded error as an exception carrying the response.
try {
  await request(url, `{ products(first: -1) { totalCount } }`);
  assert.fail("a bad argument must be an error");
} catch (e) {
  summary.errorCode = e.response?.errors?.[0]?.extensions?.code;
}
assert.equal(summary.errorCode, "INVALID_ARGUMENT");

console.log(JSON.stringify(summary));
