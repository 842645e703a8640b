// Copyright (c) 2026 The brief-search Authors. MIT licence.
// Tests for acronyms, learned definitions, synonyms files and spelling
// words.

#include "vocabulary.h"

#include <doctest/doctest.h>
#include <xapian.h>

#include "brief/error.h"
#include "test_util.h"

namespace brief::vocabulary {

using Strings = std::vector<std::string>;

TEST_CASE("vocabulary: acronyms are words in capitals") {
  CHECK(acronyms_in("Russia suspended New START, said NATO's chief.") ==
        Strings{"START", "NATO"});
  CHECK(acronyms_in("The SDFs and the DPRK.") == Strings{"SDF", "DPRK"});
  // One letter, digits or lower case are not acronyms.
  CHECK(acronyms_in("I met A. Smith at G20 about Covid.").empty());
  // A heading in capitals is not a list of acronyms.
  CHECK(acronyms_in("REMARKS BY THE PRESIDENT AT THE SUMMIT").empty());
  CHECK(acronym_term("START") == "XAstart");
}

TEST_CASE("vocabulary: definitions the text writes") {
  auto defs = find_definitions(
      "Blinken urged a return to the Strategic Arms Reduction Treaty (START). The "
      "Inflation Reduction Act (IRA) passed, as did the CHIPS and Science Act.");
  REQUIRE(defs.size() == 2);
  CHECK(defs[0].acronym == "START");
  CHECK(defs[0].long_form == "Strategic Arms Reduction Treaty");
  CHECK(defs[1].acronym == "IRA");
  CHECK(defs[1].long_form == "Inflation Reduction Act");
  // Letters that cannot be read from the words before are no definition,
  // nor is an acronym that repeats the word.
  CHECK(find_definitions("He spoke to reporters (AP) today.").empty());
  CHECK(find_definitions("the treaty (NATO) today").empty());
  CHECK(find_definitions("NATO (NATO)").empty());
  // "Immigration and Customs Enforcement (ICE)": small words in between.
  auto ice = find_definitions("agents of Immigration and Customs Enforcement (ICE) arrived");
  REQUIRE(ice.size() == 1);
  CHECK(ice[0].long_form == "Immigration and Customs Enforcement");
}

TEST_CASE("vocabulary: synonyms files") {
  auto groups = parse_synonyms(
      "# comment\n\nNew START = START = Strategic Arms Reduction Treaty\n  car=automobile \n");
  REQUIRE(groups.size() == 2);
  CHECK(groups[0] == Strings{"New START", "START", "Strategic Arms Reduction Treaty"});
  CHECK(groups[1] == Strings{"car", "automobile"});
  CHECK_THROWS_WITH_AS(parse_synonyms("a = b\nlonely\n"),
                       doctest::Contains("line 2"), Error);
}

TEST_CASE("vocabulary: groups go into Xapian's synonym table and out again") {
  test::TempDir tmp;
  Xapian::WritableDatabase db(tmp / "db", Xapian::DB_CREATE);
  add_group(db, {"New START", "START", "Strategic Arms Reduction Treaty"});
  add_group(db, {"car", "automobile"});
  db.commit();
  auto synonyms = [&](const std::string& key) {
    return Strings(db.synonyms_begin(key), db.synonyms_end(key));
  };
  // What the QueryParser expands: phrases and words to the acronym term.
  CHECK(synonyms("new start") == Strings{"XAstart"});
  CHECK(synonyms("strategic arms reduction treaty") == Strings{"XAstart"});
  CHECK(synonyms("car") == Strings{"automobile"});
  CHECK(synonyms("automobile") == Strings{"car"});
  // What an acronym typed in capitals expands to.
  CHECK(long_forms(db, "START") == Strings{"new start", "strategic arms reduction treaty"});
  // A phrase too long for a Xapian key is left out, not an error.
  add_group(db, {std::string(300, 'x') + " y", "LONG"});
  CHECK(long_forms(db, "LONG").empty());
  remove_group(db, {"car", "automobile"});
  db.commit();
  CHECK(synonyms("car").empty());
  CHECK(synonyms("new start") == Strings{"XAstart"});
}

TEST_CASE("vocabulary: spelling words") {
  std::map<std::string, unsigned> counts;
  count_spelling_words("Zakharova said Blinken's trip to Kyiv, Zakharova added. G20 ok", counts);
  CHECK(counts["zakharova"] == 2);
  CHECK(counts["blinken"] == 1);
  CHECK(counts.count("kyiv") == 1);
  CHECK(counts.count("g20") == 0);  // Digits.
  CHECK(counts.count("ok") == 0);   // Too short.
}

}  // namespace brief::vocabulary
