// Copyright (c) 2026 The brief-search Authors. MIT licence.
// brief::Error, the one exception type the library throws.

#ifndef BRIEF_INCLUDE_BRIEF_ERROR_H_
#define BRIEF_INCLUDE_BRIEF_ERROR_H_

#include <stdexcept>
#include <string>
#include <string_view>

namespace brief {

// A small closed set of failure kinds. Caller mistakes (kInvalidArgument,
// kQuerySyntax) are kept apart from environment failures (the rest).
enum class ErrorCode {
  kInvalidArgument,  // A bad option value or argument from the caller.
  kNotFound,         // A file, directory or index that does not exist.
  kIoError,          // Reading or writing failed.
  kIndexLocked,      // Another writer holds the index; retry later.
  kIndexCorrupt,     // The index exists but cannot be read.
  kIndexVersion,     // The index was written by an incompatible version.
  kQuerySyntax,      // The query string could not be parsed.
};

// Returns a stable lower-case name for `code`, e.g. "query-syntax".
std::string_view error_code_name(ErrorCode code);

// The exception thrown by every public function of the library. what()
// is a one-line message meant for a person.
class Error : public std::runtime_error {
 public:
  Error(ErrorCode code, const std::string& message)
      : std::runtime_error(message), code_(code) {}

  ErrorCode code() const { return code_; }

 private:
  ErrorCode code_;
};

}  // namespace brief

#endif  // BRIEF_INCLUDE_BRIEF_ERROR_H_
