// Copyright (c) 2026 The brief-search Authors. MIT licence.
// Exit statuses of brief-index and brief-search (see the man pages).

#ifndef BRIEF_SRC_CLI_EXIT_CODES_H_
#define BRIEF_SRC_CLI_EXIT_CODES_H_

#include "brief/error.h"

namespace brief::cli {

inline constexpr int kExitOk = 0;         // Hits found, or the run completed.
inline constexpr int kExitNoResults = 1;  // The search found nothing.
inline constexpr int kExitError = 2;      // Usage, bad query, missing index...
inline constexpr int kExitTempFail = 75;  // Index locked: retry (EX_TEMPFAIL).

inline int exit_code_for(ErrorCode code) {
  return code == ErrorCode::kIndexLocked ? kExitTempFail : kExitError;
}

}  // namespace brief::cli

#endif  // BRIEF_SRC_CLI_EXIT_CODES_H_
