// Copyright (c) 2026 The brief-search Authors. MIT licence.
// Turns Xapian::Error into brief::Error at the library's boundary.

#include "xapian_error.h"

#include "brief/error.h"

namespace brief {

void throw_from_xapian(const Xapian::Error& e, const std::string& index_path) {
  std::string where = "index " + index_path + ": ";
  std::string type = e.get_type();
  if (type == "DatabaseLockError")
    throw Error(ErrorCode::kIndexLocked,
                where + "locked by another brief-index; retry when it ends");
  if (type == "DatabaseNotFoundError")
    throw Error(ErrorCode::kNotFound,
                where + "no index there; build one with brief-index PATH...");
  if (type == "DatabaseCorruptError")
    throw Error(ErrorCode::kIndexCorrupt,
                where + "corrupt (" + e.get_msg() +
                    "); rebuild it with brief-index --rebuild PATH...");
  if (type == "DatabaseVersionError")
    throw Error(ErrorCode::kIndexVersion,
                where + "written by an incompatible version (" + e.get_msg() +
                    "); rebuild it with brief-index --rebuild PATH...");
  if (type == "QueryParserError")
    throw Error(ErrorCode::kQuerySyntax, "bad query: " + e.get_msg());
  if (type == "DatabaseOpeningError")
    throw Error(ErrorCode::kIndexCorrupt,
                where + "cannot be opened (" + e.get_msg() +
                    "); rebuild it with brief-index --rebuild PATH...");
  throw Error(ErrorCode::kIoError, where + e.get_description());
}

}  // namespace brief
