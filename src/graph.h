/*
 * graph.h - the TextRank sentence graph (graph.c).
 */
#ifndef RC_GRAPH_H
#define RC_GRAPH_H

#include "doc.h"
#include "rank.h"

/* The sentence graph's bounds, which keep it linear in the input: each
   sentence visits, per term, the RC_GRAPH_POSTINGS nearest sentences that
   share it (half before, half after) and keeps its RC_GRAPH_NEIGHBOURS
   most similar.  On the dev sets ROUGE was the same (within 0.002) for
   every setting from 96/16 down to 8/8 (README, "Speed"); 16/8 builds the
   graph of a 30 MB transcript in a third of the time 96/16 takes.
   Measured again on every summary set: 8/8, 16/5, 8/5 and 16/7 each
   lower most of them a little (mean ROUGE-1 -.0007 to -.0009, or +.0002
   with 8 of 14 set/format pairs lower for 16/7), so 16/8 stays. */
#define RC_GRAPH_NEIGHBOURS 8
#define RC_GRAPH_POSTINGS 16

/* The sentence similarity graph: each sentence's out-edges to its
   RC_GRAPH_NEIGHBOURS most similar sentences by `sim`, reading the
   sentences' term vectors and the stems' IDF.  Its nodes are the
   sentences that share a term with another (g->item maps them to
   sentences, NULL when that is all of them); rc_pagerank scores the
   others exactly. */
recap_status rc_sentence_graph(const recap_document *doc, recap_similarity sim,
                               rc_graph *g);

#endif
