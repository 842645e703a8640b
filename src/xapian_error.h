// Copyright (c) 2026 The brief-search Authors. MIT licence.
// Turns Xapian::Error into brief::Error at the library's boundary.

#ifndef BRIEF_SRC_XAPIAN_ERROR_H_
#define BRIEF_SRC_XAPIAN_ERROR_H_

#include <xapian.h>

#include <string>

namespace brief {

// Throws the brief::Error matching `e`: DatabaseLockError -> kIndexLocked,
// DatabaseNotFoundError/DatabaseOpeningError for a missing path ->
// kNotFound, DatabaseCorruptError -> kIndexCorrupt, DatabaseVersionError
// -> kIndexVersion, QueryParserError -> kQuerySyntax, others -> kIoError.
// `index_path` is named in the message.
[[noreturn]] void throw_from_xapian(const Xapian::Error& e,
                                    const std::string& index_path);

}  // namespace brief

#endif  // BRIEF_SRC_XAPIAN_ERROR_H_
