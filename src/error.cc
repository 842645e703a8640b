// Copyright (c) 2026 The brief-search Authors. MIT licence.
// Names of error codes, and the library version.

#include "brief/error.h"

#include "brief/brief.h"
#include "brief_config.h"

namespace brief {

std::string_view error_code_name(ErrorCode code) {
  switch (code) {
    case ErrorCode::kInvalidArgument:
      return "invalid-argument";
    case ErrorCode::kNotFound:
      return "not-found";
    case ErrorCode::kIoError:
      return "io-error";
    case ErrorCode::kIndexLocked:
      return "index-locked";
    case ErrorCode::kIndexCorrupt:
      return "index-corrupt";
    case ErrorCode::kIndexVersion:
      return "index-version";
    case ErrorCode::kQuerySyntax:
      return "query-syntax";
  }
  return "unknown";
}

const char* version() { return BRIEF_VERSION; }

}  // namespace brief
