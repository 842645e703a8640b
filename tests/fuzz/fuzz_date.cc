// Copyright (c) 2026 The brief-search Authors. MIT licence.
// libFuzzer target: every date reader on arbitrary text.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "brief/brief.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  brief::parse_date(text);
  brief::find_dateline(text);
  brief::find_date_in_filename(text);
  try {
    brief::parse_date_range(text, brief::Date{2026, 11, 25});
  } catch (const brief::Error&) {
  }
  return 0;
}
