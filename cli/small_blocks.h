// Small blocks for a one-shot `mos` run: the program's operator new and
// delete (replaced in small_blocks.cpp) hand out blocks of up to 1016 bytes
// from per-thread free lists and bump ranges instead of glibc's malloc.
//
// Why: a render allocates a few thousand to tens of thousands of small
// blocks (AST nodes, values, vectors of a few elements) and frees few of
// them before the process ends; glibc serves most from its top chunk
// through _int_malloc at ~140-190 instructions per block, and its frees
// go through _int_free. Here a block is a pop or a bump (~10 instructions)
// and a free a push. Nothing depends on block addresses, so no output
// changes.
//
// Off until EnableSmallBlocks() is called (main() calls it for one-shot
// renders only, never for `mos serve`: its connection threads come and go,
// and a thread's free lists die with it). While off, and for larger
// blocks, operator new is malloc and delete is free. Blocks keep their
// class for good: freed memory returns to the thread that freed it, for
// the same size class, and never to the system (a one-shot process).
#pragma once

namespace mos::cli {

// Reserves the blocks' address range (64 MB of address space, pages
// touched as blocks are handed out) and turns the small blocks on. Call
// before any other thread starts. Does nothing when the range cannot be
// reserved, or in builds without the replacement (sanitizers, fuzzing).
void EnableSmallBlocks();

// Whether EnableSmallBlocks() turned them on (tests).
bool SmallBlocksEnabled();

}  // namespace mos::cli
