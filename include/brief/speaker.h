// Copyright (c) 2026 The brief-search Authors. MIT licence.
// Who speaks in each passage.

#ifndef BRIEF_INCLUDE_BRIEF_SPEAKER_H_
#define BRIEF_INCLUDE_BRIEF_SPEAKER_H_

#include <string>
#include <string_view>
#include <vector>

#include "brief/article.h"
#include "brief/passage.h"

namespace brief {

// How a speaker was found, most certain first.
enum class AttributionMethod {
  kLabel,         // A transcript turn label ("MR. KIRBY:").
  kDeclared,      // A record's own "speakers" field.
  kAuthor,        // A statement or speech with no turns, by its titled author.
  kPullQuote,     // A pull quote ending in name and role run together.
  kQuotePattern,  // A reporting pattern: "X said", "according to X".
  kCarryOver,     // "he added": the speaker of an earlier passage.
};

// Returns "label", "declared", "author", "pull-quote", "quote-pattern", "carry-over".
std::string_view attribution_method_name(AttributionMethod method);

// One speaker of one passage.
struct Attribution {
  std::string name;  // Canonical display name, e.g. "Ned Price".
  std::string role;  // "State Department Spokesperson", or empty.
  AttributionMethod method = AttributionMethod::kLabel;

  bool operator==(const Attribution&) const = default;
};

// Returns the canonical speaker id for a display name: lower case, white
// space folded, accents kept ("ned price"). Used as the index term.
std::string speaker_id(std::string_view name);

// Attributes each passage of `article` to the people speaking in it.
// Returns one vector per passage (same order), empty where nobody is
// clearly speaking: precision comes before recall. Reporters' questions
// ("Q") have no speaker. Never throws.
std::vector<std::vector<Attribution>> attribute_speakers(
    const Article& article, const std::vector<Passage>& passages);

}  // namespace brief

#endif  // BRIEF_INCLUDE_BRIEF_SPEAKER_H_
