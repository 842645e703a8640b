// Copyright (c) 2026 The brief-search Authors. MIT licence.
// Umbrella header: everything an embedding program needs.

#ifndef BRIEF_INCLUDE_BRIEF_BRIEF_H_
#define BRIEF_INCLUDE_BRIEF_BRIEF_H_

#include "brief/article.h"
#include "brief/date.h"
#include "brief/error.h"
#include "brief/health.h"
#include "brief/indexer.h"
#include "brief/passage.h"
#include "brief/searcher.h"
#include "brief/speaker.h"

namespace brief {

// The library's version, e.g. "0.1.0".
const char* version();

}  // namespace brief

#endif  // BRIEF_INCLUDE_BRIEF_BRIEF_H_
