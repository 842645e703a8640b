// Copyright (c) 2026 The brief-search Authors. MIT licence.
// Tests for speaker attribution.

#include "brief/speaker.h"

#include <doctest/doctest.h>

#include "brief/error.h"
#include "test_util.h"

namespace brief {

namespace {

// The attributions of each passage of an article's first text.
std::vector<std::vector<Attribution>> attributions_for(const std::string& content,
                                                       const std::string& path = "a.txt",
                                                       const AliasTable* aliases = nullptr) {
  auto articles = parse_article(content, path);
  auto passages = split_passages(articles[0]);
  return attribute_speakers(articles[0], passages, aliases);
}

// Names attributed to each passage of a text article.
std::vector<std::vector<std::string>> names_for(const std::string& content,
                                                const std::string& path = "a.txt") {
  auto speakers = attributions_for(content, path);
  std::vector<std::vector<std::string>> names;
  for (const auto& list : speakers) {
    names.emplace_back();
    for (const auto& a : list) names.back().push_back(a.name);
  }
  return names;
}

using Names = std::vector<std::string>;

}  // namespace

TEST_CASE("speaker: reporting patterns in news text") {
  struct Row {
    const char* body;       // One paragraph after a fixed first paragraph.
    Names expected;
  };
  // The first paragraph introduces the people by full name and role.
  const std::string intro =
      "Title\n\nState Department Spokesperson Ned Price met Russian Foreign Minister "
      "Sergei Lavrov and Deputy Foreign Minister Sergei Ryabkov.\n\n";
  const Row rows[] = {
      // Verb after the subject, with and without adverbs.
      {"\"We will not apologize,\" Price said.", {"Ned Price"}},
      {"Price also stressed that nothing had changed.", {"Ned Price"}},
      {"Sergei Ryabkov told reporters the talks were over.", {"Sergei Ryabkov"}},
      // Verb before the subject.
      {"\"Nothing has changed,\" said Ned Price.", {"Ned Price"}},
      // according to / stated by.
      {"The talks covered three topics, according to Price.", {"Ned Price"}},
      {"The absence of talks was stated by Ryabkov.", {"Sergei Ryabkov"}},
      // Several speakers in one passage.
      {"Price said one thing. Lavrov argued another.", {"Ned Price", "Sergei Lavrov"}},
      // Joint subjects, by name or by role.
      {"Price and Lavrov said the talks were over.", {"Ned Price", "Sergei Lavrov"}},
      {"The spokesman and Ryabkov agreed to meet.", {"Ned Price", "Sergei Ryabkov"}},
      {"Price and Moscow agreed to meet.", {}},
      // A mention is not speech; a place is not a person.
      {"Price met Lavrov on the sidelines.", {}},
      {"Moscow said the talks were over.", {}},
      // A bare unknown surname is not enough.
      {"Smith said the talks were over.", {}},
  };
  for (const auto& row : rows) {
    CAPTURE(row.body);
    auto names = names_for(intro + row.body + "\n");
    REQUIRE(names.size() == 2);
    CHECK(names[0].empty());
    CHECK(names[1] == row.expected);
  }
}

TEST_CASE("speaker: pronouns carry the previous speaker") {
  auto names = names_for(
      "Title\n\nSpokesperson Ned Price spoke on Thursday, Price said.\n\n"
      "\"It is important for Secretary Blinken to be heard,\" he added.\n\n"
      "He went on to add that nothing had changed.\n");
  REQUIRE(names.size() == 3);
  CHECK(names[1] == Names{"Ned Price"});  // Not Blinken, named inside the quote.
  CHECK(names[2] == Names{"Ned Price"});

  // A paragraph in between that names someone else, in words no pattern
  // reads as speech: "he" is that person, not the speaker before.
  auto lavrov = names_for(
      "Lavrov blames West\n\nNEW DELHI, March 2, 2023 - U.S. Secretary of State Antony "
      "Blinken urged Russia to return to New START.\n\n"
      "Russian Foreign Minister Sergei Lavrov on Thursday accused the West of blackmail.\n\n"
      "\"The West is trying to impose its will,\" he said.\n");
  REQUIRE(lavrov.size() == 3);
  CHECK(lavrov[0] == Names{"Antony Blinken"});
  CHECK(lavrov[2] == Names{"Sergei Lavrov"});
  // A time or an apposition between the name and the verb.
  auto between = names_for(
      "Talks\n\nForeign Minister Sergei Lavrov on Thursday said the talks had failed.\n\n"
      "Spokesperson Ned Price on March 3 told reporters that nothing had changed.\n\n"
      "Maria Zakharova, the Russian Foreign Ministry spokeswoman, said the remarks were "
      "nonsense.\n\n"
      "Sergei Lavrov, speaking in New Delhi, said the West was to blame.\n\n"
      "The report, the latest of many, said the talks had failed.\n");
  REQUIRE(between.size() == 5);
  CHECK(between[0] == Names{"Sergei Lavrov"});
  CHECK(between[1] == Names{"Ned Price"});
  CHECK(between[2] == Names{"Maria Zakharova"});
  CHECK(between[3] == Names{"Sergei Lavrov"});
  CHECK(between[4].empty());  // A thing in apposition is still a thing.
  // A nationality before the title ("British Prime Minister") is part
  // of the role, with "according to" too.
  auto sunak = attributions_for(
      "Talks\n\nAccording to British Prime Minister Rishi Sunak, the talks failed.\n");
  REQUIRE(sunak.size() == 1);
  REQUIRE(sunak[0].size() == 1);
  CHECK(sunak[0][0].name == "Rishi Sunak");
  CHECK(sunak[0][0].role == "British Prime Minister");
  // Two other people named in between: nobody for sure.
  auto two = names_for(
      "Talks\n\nSecretary of State Antony Blinken urged Russia to return to the treaty.\n\n"
      "Foreign Minister Sergei Lavrov and Foreign Minister Wang Yi met on Thursday.\n\n"
      "\"The West is trying to impose its will,\" he said.\n");
  REQUIRE(two.size() == 3);
  CHECK(two[2].empty());
}

TEST_CASE("speaker: a name after a quote and \"said\", without a role") {
  auto names = names_for(
      "Talks\n\n"
      "\"We have said many times that we are open to dialogue,\" said Sergei Ryabkov, who "
      "oversees arms control at the foreign ministry.\n\n"
      "\"We will continue to comply with our obligations,\" said Ned Price, the State "
      "Department spokesman.\n\n"
      "\"The talks are over,\" said Saudi Arabia.\n\n"
      "\"We agree,\" said North Korea, in a statement.\n");
  REQUIRE(names.size() == 4);
  CHECK(names[0] == Names{"Sergei Ryabkov"});
  CHECK(names[1] == Names{"Ned Price"});
  CHECK(names[2].empty());  // Places are not people.
  CHECK(names[3].empty());
}

TEST_CASE("speaker: the seed articles") {
  auto first = names_for(test::read_file(test::fixture_path("news/000_cd1b8dd590950c2c.txt")));
  REQUIRE(first.size() == 9);
  CHECK(first[0].empty());  // Blinken "had a brief encounter": not speech.
  for (std::size_t i = 1; i < first.size(); ++i) {
    CAPTURE(i);
    CHECK(first[i] == Names{"Ned Price"});
  }
  auto second = names_for(test::read_file(test::fixture_path("news/001_bf53c8655c45bcc9.txt")));
  REQUIRE(second.size() == 11);
  CHECK(second[0] == Names{"Ned Price"});        // "statement was made by"
  CHECK(second[1] == Names{"Ned Price"});        // "Price explained that"
  CHECK(second[2] == Names{"Ned Price"});        // pull quote
  CHECK(second[3] == Names{"Ned Price"});        // "He also emphasized"
  CHECK(second[4] == Names{"Anthony Blinken", "Sergei Ryabkov"});
  CHECK(second[5] == Names{"Maria Zakharova"});  // "She argued"
  CHECK(second[6].empty());                      // a heading
  CHECK(second[7] == Names{"Anthony Blinken"});  // "the Secretary of State stressed"
  CHECK(second[8].empty());
  CHECK(second[9] == Names{"Anthony Blinken"});  // pull quote
  CHECK(second[10] == Names{"Maria Zakharova"});
}

TEST_CASE("speaker: pull quotes keep the role") {
  auto articles = parse_article(
      "Title\n\nWe won't apologize for acting on our behalf Ned PriceUS State Department "
      "Spokesperson\n",
      "a.txt");
  auto passages = split_passages(articles[0]);
  auto speakers = attribute_speakers(articles[0], passages);
  REQUIRE(speakers[0].size() == 1);
  CHECK(speakers[0][0].name == "Ned Price");
  CHECK(speakers[0][0].role == "US State Department Spokesperson");
  CHECK(speakers[0][0].method == AttributionMethod::kPullQuote);
}

TEST_CASE("speaker: transcript labels resolve to full names") {
  std::string page =
      "---\ntitle: Press Briefing by Press Secretary Jen Psaki and National Security "
      "Advisor Jake Sullivan\ndate: '2021-06-09'\n---\n\n"
      "MS. PSAKI:  Hi, everyone. Jake Sullivan is here today.\n\n"
      "MR. SULLIVAN:  Thanks, Jen.\n\n"
      "Q    Jake, what did the President say?\n\n"
      "SENIOR ADMINISTRATION OFFICIAL:  I will not say.\n\n"
      "THE PRESIDENT:  Hello.\n";
  auto articles = parse_article(page, "t.md");
  auto passages = split_passages(articles[0]);
  auto speakers = attribute_speakers(articles[0], passages);
  REQUIRE(speakers.size() == 5);
  REQUIRE(speakers[0].size() == 1);
  CHECK(speakers[0][0].name == "Jen Psaki");
  CHECK(speakers[0][0].role == "Press Secretary");
  CHECK(speakers[0][0].method == AttributionMethod::kLabel);
  REQUIRE(speakers[1].size() == 1);
  CHECK(speakers[1][0].name == "Jake Sullivan");
  CHECK(speakers[2].empty());  // A reporter's question.
  REQUIRE(speakers[3].size() == 1);
  CHECK(speakers[3][0].name == "Senior Administration Official");
  REQUIRE(speakers[4].size() == 1);
  CHECK(speakers[4][0].name == "The President");  // Nobody named with that role.
}

TEST_CASE("speaker: surnames with lower-case particles") {
  // Running text: the full name, the surname alone opening a sentence,
  // and a pronoun after them are one person.
  auto news = attributions_for(
      "EU proposes sanctions\n\n"
      "\"We are targeting the Russian war machine,\" European Commission President Ursula "
      "von der Leyen said in a statement.\n\n"
      "Von der Leyen added that the package was worth 11 billion euros.\n\n"
      "\"We will keep up the pressure,\" she said.\n\n"
      "New York Mayor Bill de Blasio told reporters the city was ready.\n");
  REQUIRE(news.size() == 4);
  for (std::size_t i = 0; i < 3; ++i) {
    CAPTURE(i);
    REQUIRE(news[i].size() == 1);
    CHECK(news[i][0].name == "Ursula von der Leyen");
  }
  CHECK(news[0][0].method == AttributionMethod::kQuotePattern);
  CHECK(news[2][0].method == AttributionMethod::kCarryOver);
  REQUIRE(news[3].size() == 1);
  CHECK(news[3][0].name == "Bill de Blasio");
  CHECK(news[3][0].role == "Mayor");

  // A label in capitals names the person the title gives in full.
  auto page = attributions_for(
      "---\ntitle: Remarks by President Biden and European Commission President Ursula von "
      "der Leyen\ndate: '2022-03-25'\n---\n\n"
      "PRESIDENT BIDEN:  Thank you, Madam President, for hosting us today.\n\n"
      "PRESIDENT VON DER LEYEN:  Thank you, Mr. President, for coming to Brussels today.\n",
      "t.md");
  REQUIRE(page.size() == 2);
  REQUIRE(page[1].size() == 1);
  CHECK(page[1][0].name == "Ursula von der Leyen");
  CHECK(page[1][0].method == AttributionMethod::kLabel);

  // More given names before the particle: the name rules' own given name
  // and surname, as before ("PRESIDENT LULA" is Luiz Inácio Lula).
  auto lula = attributions_for(
      "---\ntitle: Remarks by President Biden and President Luiz Inácio Lula da Silva of "
      "Brazil\ndate: '2023-02-10'\n---\n\n"
      "PRESIDENT LULA:  Thank you, President Biden, for the invitation to Washington.\n",
      "t.md");
  REQUIRE(lula.size() == 1);
  REQUIRE(lula[0].size() == 1);
  CHECK(lula[0][0].name == "Luiz Inácio Lula");

  // A particle that ends a place name is not a surname: "Déclaration de
  // Los Angeles".
  auto place = attributions_for(
      "Declaration\n\nLa Déclaration de Los Angeles a été adoptée, a déclaré le président.\n");
  REQUIRE(place.size() == 1);
  for (const auto& a : place[0]) CHECK(a.name.find("Los") == std::string::npos);
}

TEST_CASE("speaker: a role label is not another person of the same surname") {
  // A reporter names the President's wife; THE PRESIDENT is still the
  // President, by the title's "President Biden".
  auto page = attributions_for(
      "---\ntitle: Remarks by President Biden Before Marine One Departure\n"
      "date: '2021-06-29'\n---\n\n"
      "Q    Dr. Biden going to Tokyo, Mr. President? Jill Biden going to Tokyo?\n\n"
      "THE PRESIDENT:  Well, we're trying to work that out now.\n\n"
      "Q    Is Jill Biden going to the Olympics?\n\n"
      "THE PRESIDENT:  We'll see.\n",
      "t.md");
  REQUIRE(page.size() == 4);
  for (std::size_t i : {1, 3}) {
    CAPTURE(i);
    REQUIRE(page[i].size() == 1);
    CHECK(page[i][0].name == "Biden");
    CHECK(page[i][0].role == "President");
  }
  // With the role in the text, the full name.
  auto named = attributions_for(
      "---\ntitle: Remarks by President Biden on the Economy\ndate: '2021-06-29'\n---\n\n"
      "THE PRESIDENT:  Thank you. As President Joe Biden, I have been clear.\n\n"
      "Q    Will Hunter Biden travel with you?\n\n"
      "THE PRESIDENT:  No.\n",
      "t.md");
  REQUIRE(named.size() == 3);
  REQUIRE(named[2].size() == 1);
  CHECK(named[2][0].name == "Joe Biden");
  // A title's capitalised verb is not part of the name.
  auto honoring = attributions_for(
      "---\ntitle: Remarks by President Biden Honoring the 2020 World Series Champions\n"
      "date: '2021-07-02'\n---\n\n"
      "THE PRESIDENT:  Please, please have a seat.\n",
      "t.md");
  REQUIRE(honoring.size() == 1);
  REQUIRE(honoring[0].size() == 1);
  CHECK(honoring[0][0].name == "Biden");
  // The title names the role's holder in full: FIRST LADY BIDEN is the
  // First Lady Jill Biden of the title, PRESIDENT BIDEN not her.
  auto both = attributions_for(
      "---\ntitle: Remarks by President Biden, First Lady Jill Biden, and Prime Minister "
      "Mitsotakis of Greece\ndate: '2022-05-16'\n---\n\n"
      "PRESIDENT BIDEN:  Welcome, everyone. Jill and I are glad you are here.\n\n"
      "FIRST LADY BIDEN:  Thank you all for coming tonight.\n",
      "t.md");
  REQUIRE(both.size() == 2);
  REQUIRE(both[0].size() == 1);
  CHECK(both[0][0].name == "Biden");
  REQUIRE(both[1].size() == 1);
  CHECK(both[1][0].name == "Jill Biden");
  // A governor's label is not a journalist of the same surname.
  auto governor = attributions_for(
      "---\ntitle: Remarks at a Town Hall\ndate: '2021-07-21'\n---\n\n"
      "MR. COOPER:  Welcome. I'm Anderson Cooper, and this is a town hall.\n\n"
      "GOVERNOR COOPER:  Thank you, Anderson. North Carolina is ready.\n\n"
      "MR. COOPER:  Governor, thank you.\n",
      "t.md");
  REQUIRE(governor.size() == 3);
  REQUIRE(governor[1].size() == 1);
  CHECK(governor[1][0].name == "Cooper");
  CHECK(governor[1][0].role == "Governor");
}

TEST_CASE("speaker: a record's declared speaker answers, reporters ask") {
  auto records = parse_article(
      "{\"title\": \"Price on Whelan\", \"date\": \"2023-03-02\", \"speakers\": [\"Ned Price\"], "
      "\"text\": \"Q: Ned, on Whelan?\\n\\nA: We have put forward a serious proposal.\\n\\n"
      "Q: And on Gershkovich?\\n\\nA: We are seeking consular access.\"}\n"
      "{\"title\": \"Zakharova on sanctions\", \"date\": \"2023-03-02\", \"speakers\": "
      "[\"Maria Zakharova\"], \"text\": \"Question: What is your reaction to the new US "
      "sanctions?\\n\\nMaria Zakharova: We regard them as hostile.\\n\\nQuestion: Will Russia "
      "respond?\\n\\nMaria Zakharova: Certainly, in due time.\"}\n",
      "r.jsonl");
  REQUIRE(records.size() == 2);
  for (const auto& record : records) {
    CAPTURE(record.title);
    auto passages = split_passages(record);
    auto speakers = attribute_speakers(record, passages);
    REQUIRE(passages.size() == 4);
    for (std::size_t i = 0; i < 4; ++i) {
      CAPTURE(i);
      if (i % 2 == 0) {
        CHECK(speakers[i].empty());  // The question.
      } else {
        REQUIRE(speakers[i].size() == 1);
        CHECK(speakers[i][0].name == record.declared_speakers[0]);
      }
    }
  }
}

TEST_CASE("speaker: capitals inside surnames survive a label in capitals") {
  auto names = names_for(
      "---\ntitle: Remarks in a Conversation\ndate: '2022-10-05'\n---\n\n"
      "MS. MCGILL JOHNSON:  Welcome.\n\nMS. O\u2019CONNELL:  Thank you.\n\n"
      "MR. O'HARA:  Hello.\n\nMS. JEAN-PIERRE:  Hi.\n", "c.md");
  REQUIRE(names.size() == 4);
  CHECK(names[0] == Names{"McGill Johnson"});
  CHECK(names[1] == Names{"O\u2019Connell"});
  CHECK(names[2] == Names{"O'Hara"});
  CHECK(names[3] == Names{"Jean-Pierre"});
}

TEST_CASE("speaker: a statement without turns is its titled author's") {
  std::string page =
      "---\ntitle: Statement from President Joe Biden on the New START Treaty\n"
      "date: '2021-02-03'\n---\n\nToday the United States extended the treaty.\n\n"
      "It makes us safer.\n";
  auto names = names_for(page, "s.md");
  REQUIRE(names.size() == 2);
  CHECK(names[0] == Names{"Joe Biden"});
  CHECK(names[1] == Names{"Joe Biden"});
  // A joint statement of governments names no author; one by named
  // leaders names them all.
  auto joint = names_for(
      "---\ntitle: Joint Statement from the United States and Japan\ndate: '2021-02-03'\n"
      "---\n\nWe agree.\n", "j.md");
  CHECK(joint[0].empty());
  auto leaders = names_for(
      "---\ntitle: Joint Statement by President Joe Biden and Taoiseach Micheál Martin\n"
      "date: '2021-03-17'\n---\n\nPresident Joe Biden hosted Taoiseach Micheál Martin.\n\n"
      "The leaders agreed to meet again.\n", "j.md");
  REQUIRE(leaders.size() == 2);
  CHECK(leaders[1] == Names{"Joe Biden", "Micheál Martin"});
  // "Statement of the Governments of ..." is not by a Mr. Governments.
  auto governments = names_for(
      "---\ntitle: Joint Statement of the Governments of Chile and Peru\ndate: '2021-02-03'\n"
      "---\n\nWe agree.\n", "g.md");
  CHECK(governments[0].empty());
}

TEST_CASE("speaker: offices name the person who held them that day") {
  AliasTable aliases = AliasTable::parse(R"({"aliases": {}, "offices": {
      "President": [{"name": "Joe Biden", "from": "2021-01-20", "until": "2025-01-19"},
                    {"name": "Donald Trump", "from": "2025-01-20"}],
      "Press Secretary": [{"name": "Jen Psaki", "from": "2021-01-20"}]}})");
  CHECK(aliases.office_holder("president", Date{2022, 5, 1}) == "Joe Biden");
  CHECK(aliases.office_holder("President", Date{2026, 4, 24}) == "Donald Trump");
  CHECK(aliases.office_holder("President", Date{2020, 4, 24}).empty());
  CHECK(aliases.office_holder("Vice President", Date{2022, 5, 1}).empty());
  // The table survives the trip through the index's metadata.
  CHECK(AliasTable::parse(aliases.to_json()).office_holder("President", Date{2025, 1, 20}) ==
        "Donald Trump");
  CHECK_THROWS_AS(AliasTable::parse(R"({"aliases": {}, "offices": {"President": [{"name": "X"}]}})"),
                  Error);
  CHECK_THROWS_AS(AliasTable::parse(R"({"aliases": {}, "offices": {"President":
      [{"name": "X", "from": "2021-02-30"}]}})"), Error);

  auto names_with = [&](const std::string& page) {
    auto articles = parse_article(page, "s.md");
    auto passages = split_passages(articles[0]);
    std::vector<Names> out;
    for (const auto& list : attribute_speakers(articles[0], passages, &aliases)) {
      out.emplace_back();
      for (const auto& a : list) out.back().push_back(a.name);
    }
    return out;
  };
  // A statement by the office, and a message from it.
  auto statement = names_with(
      "---\ntitle: Statement by the President on the Affirmation of a Conviction\n"
      "date: '2021-06-08'\n---\n\nJustice has been done.\n");
  CHECK(statement[0] == Names{"Joe Biden"});
  auto message = names_with(
      "---\ntitle: Presidential Message on Arbor Day\ndate: '2026-04-24'\n---\n\n"
      "Arbor Day is a celebration of trees.\n");
  CHECK(message[0] == Names{"Donald Trump"});
  // A series label before the title proper.
  auto series = names_with(
      "---\ntitle: 'America 250: Presidential Message on the Birthday of a President'\n"
      "date: '2026-04-13'\n---\n\nWe honor his enduring contributions to our freedom.\n");
  CHECK(series[0] == Names{"Donald Trump"});
  // "The President underscored" in a fact sheet, and a THE PRESIDENT
  // label the title does not resolve.
  auto fact_sheet = names_with(
      "---\ntitle: Fact Sheet: Results of a Meeting\ndate: '2022-07-15'\n---\n\n"
      "**Human Rights:** The President underscored the importance of free speech.\n");
  CHECK(fact_sheet[0] == Names{"Joe Biden"});
  auto remarks = names_with(
      "---\ntitle: Remarks at a Roundtable\ndate: '2022-07-15'\n---\n\n"
      "THE PRESIDENT:  Thank you all.\n\nQ    Sir, a question.\n\nTHE PRESIDENT:  Go on.\n");
  CHECK(remarks[0] == Names{"Joe Biden"});
  // A capitalised verb after the holder's surname in a title-case title
  // is not part of the name, for labels and for authors.
  auto honoring = names_with(
      "---\ntitle: Remarks by President Biden Honoring the 2021 NBA Champion Milwaukee Bucks\n"
      "date: '2021-11-08'\n---\n\nTHE PRESIDENT:  Well, good afternoon.\n");
  CHECK(honoring[0] == Names{"Joe Biden"});
  auto marking = names_with(
      "---\ntitle: Statement by President Biden Marking Arbor Day\ndate: '2022-04-29'\n---\n\n"
      "Trees matter.\n");
  CHECK(marking[0] == Names{"Joe Biden"});
  // Without a table the office stays unresolved.
  CHECK(names_for("---\ntitle: Statement by the President\ndate: '2021-06-08'\n---\n\n"
                  "Justice has been done.\n", "s.md")[0].empty());
  // A date outside every term resolves nobody.
  CHECK(names_with("---\ntitle: Statement by the President\ndate: '2019-06-08'\n---\n\n"
                   "Justice has been done.\n")[0].empty());
}

TEST_CASE("speaker: joint statements that list their authors after \"we\"") {
  auto names = names_for(
      "---\ntitle: Quad Leaders' Joint Statement\ndate: '2023-05-20'\n---\n\n"
      "Today, we \xE2\x80\x94 Prime Minister Anthony Albanese of Australia, Prime Minister "
      "Narendra Modi of India, and President Joseph R. Biden of the United States \xE2\x80\x94 "
      "met in Hiroshima.\n\nWe reaffirm our commitment to the region.\n", "q.md");
  REQUIRE(names.size() == 2);
  CHECK(names[1] == Names{"Anthony Albanese", "Narendra Modi", "Joseph Biden"});
  // "We, the leaders of the G7" names nobody.
  auto g7 = names_for(
      "---\ntitle: G7 Leaders' Statement\ndate: '2023-05-20'\n---\n\n"
      "We, the leaders of the Group of Seven, met today.\n", "g.md");
  CHECK(g7[0].empty());
}

TEST_CASE("speaker: the alias file's countries name their leaders on a date") {
  AliasTable aliases = AliasTable::parse(R"({"aliases": {}, "offices": {
      "President": [{"name": "Joe Biden", "from": "2021-01-20", "until": "2025-01-19"}],
      "Prime Minister of Japan": [{"name": "Yoshihide Suga", "from": "2020-09-16",
                                   "until": "2021-10-03"},
                                  {"name": "Fumio Kishida", "from": "2021-10-04"}],
      "President of Niger": [{"name": "Mohamed Bazoum", "from": "2021-04-02"}],
      "President of Nigeria": [{"name": "Bola Tinubu", "from": "2023-05-29"}]},
    "countries": {
      "United States": {"names": ["United States of America", "U.S."], "leader": "President"},
      "Japan": {"names": ["Japon"], "leader": "Prime Minister of Japan"},
      "Niger": {"leader": "President of Niger"},
      "Nigeria": {"leader": "President of Nigeria"},
      "G2": {"names": ["Group of Two"], "members": ["Japan", "United States"]}}})");
  std::vector<AliasTable::Leader> leaders;
  CHECK(aliases.match_country("Japon, du Canada", Date{2021, 6, 1}, leaders) == 5);
  REQUIRE(leaders.size() == 1);
  CHECK(leaders[0].name == "Yoshihide Suga");
  CHECK(leaders[0].office == "Prime Minister of Japan");
  // The longest spelling wins; a name must end at a word's end.
  leaders.clear();
  CHECK(aliases.match_country("United States of America and", Date{2022, 1, 1}, leaders) == 24);
  CHECK(aliases.match_country("Nigeria", Date{2024, 1, 1}, leaders) == 7);
  REQUIRE(leaders.size() == 2);
  CHECK(leaders[1].name == "Bola Tinubu");
  CHECK(aliases.match_country("Nigerian", Date{2024, 1, 1}, leaders) == 0);
  CHECK(aliases.match_country("the Japan", Date{2024, 1, 1}, leaders) == 0);
  // A group stands for its members; a country out of every term adds
  // nobody but still matches.
  leaders.clear();
  CHECK(aliases.match_country("Group of Two", Date{2022, 1, 1}, leaders) == 12);
  REQUIRE(leaders.size() == 2);
  CHECK(leaders[0].name == "Fumio Kishida");
  CHECK(leaders[1].name == "Joe Biden");
  leaders.clear();
  CHECK(aliases.match_country("U.S.", Date{2019, 1, 1}, leaders) == 4);
  CHECK(leaders.empty());
  // The countries survive the trip through the index's metadata.
  AliasTable stored = AliasTable::parse(aliases.to_json());
  CHECK(stored.match_country("G2", Date{2022, 1, 1}, leaders) == 2);
  CHECK(leaders.size() == 2);
  for (const char* bad : {
           R"({"aliases": {}, "countries": []})",
           R"({"aliases": {}, "countries": {"Japan": {"names": ["Japon"]}}})",
           R"({"aliases": {}, "countries": {"G2": {"leader": "X", "members": ["Japan"]}}})",
           R"({"aliases": {}, "countries": {"Japan": {"names": "Japon", "leader": "X"}}})",
           R"({"aliases": {}, "countries": {"Japan": {"names": [""], "leader": "X"}}})"}) {
    CAPTURE(bad);
    CHECK_THROWS_AS(AliasTable::parse(bad), Error);
  }
}

TEST_CASE("speaker: joint statements by the leaders of listed countries") {
  AliasTable aliases = AliasTable::parse(R"({"aliases": {}, "offices": {
      "President": [{"name": "Joe Biden", "from": "2021-01-20", "until": "2025-01-19"}],
      "Prime Minister of Japan": [{"name": "Fumio Kishida", "from": "2021-10-04"}],
      "President of the Republic of Korea": [{"name": "Yoon Suk Yeol", "from": "2022-05-10"}],
      "Prime Minister of Haiti": [{"name": "Ariel Henry", "from": "2021-07-20"}],
      "President of Uruguay": [{"name": "Luis Lacalle Pou", "from": "2020-03-01"}],
      "President of Ukraine": [{"name": "Volodymyr Zelenskyy", "from": "2019-05-20"}]},
    "countries": {
      "United States": {"names": ["États-Unis d'Amérique"], "leader": "President"},
      "Japan": {"leader": "Prime Minister of Japan"},
      "Republic of Korea": {"names": ["Korea"], "leader": "President of the Republic of Korea"},
      "Haiti": {"names": ["Haïti"], "leader": "Prime Minister of Haiti"},
      "Uruguay": {"names": ["République orientale de l'Uruguay"],
                  "leader": "President of Uruguay"},
      "Ukraine": {"leader": "President of Ukraine"}}})");
  auto attributed = [&](const std::string& page) {
    return attributions_for(page, "s.md", &aliases);
  };
  auto names_of = [](const std::vector<Attribution>& list) {
    Names out;
    for (const auto& a : list) out.push_back(a.name);
    return out;
  };
  // Every paragraph is the listed leaders', a heading in the body is
  // nobody's, and the country the list's verb governs is not an author.
  auto trilateral = attributed(
      "---\ntitle: Joint Leaders' Statement on the Anniversary of the Summit\n"
      "date: '2024-08-17'\n---\n\n"
      "We, the leaders of Japan, the Republic of Korea (ROK), and the United States (U.S.), "
      "condemn the attack on Ukraine.\n\n**Our Commitments**\n\n"
      "We stand by our commitment to consult.\n");
  REQUIRE(trilateral.size() == 3);
  const Names leaders{"Fumio Kishida", "Yoon Suk Yeol", "Joe Biden"};
  CHECK(names_of(trilateral[0]) == leaders);
  CHECK(trilateral[1].empty());
  CHECK(names_of(trilateral[2]) == leaders);
  CHECK(trilateral[2][1].role == "President of the Republic of Korea");
  CHECK(attribution_method_name(trilateral[2][1].method) == "author");
  // The French text: elided articles, an official name in lower case,
  // and a country the file does not know, which adds nobody.
  auto french = attributed(
      "---\ntitle: D\xC3\xA9" "claration de Los Angeles\ndate: '2022-06-10'\n---\n\n"
      "Nous, chefs d\xE2\x80\x99\xC3\x89tat et de gouvernement de la R\xC3\xA9publique "
      "d\xE2\x80\x99Ha\xC3\xAFti, de la R\xC3\xA9publique de Ruritanie, des "
      "\xC3\x89tats-Unis d\xE2\x80\x99\x41m\xC3\xA9rique et la R\xC3\xA9publique orientale de "
      "l\xE2\x80\x99Uruguay, r\xC3\xA9unis \xC3\xA0 Los Angeles, r\xC3\xA9it\xC3\xA9rons notre "
      "volont\xC3\xA9.\n");
  REQUIRE(french.size() == 1);
  CHECK(names_of(french[0]) == Names{"Ariel Henry", "Joe Biden", "Luis Lacalle Pou"});
  // The date picks the holders: nobody held the Korean office yet.
  auto earlier = attributed(
      "---\ntitle: Joint Statement\ndate: '2022-01-10'\n---\n\n"
      "We, the leaders of Japan, the Republic of Korea, and the United States, met today.\n");
  CHECK(names_of(earlier[0]) == Names{"Fumio Kishida", "Joe Biden"});
  // "We, the leaders" without a list, and a list in a later sentence.
  CHECK(attributed("---\ntitle: Joint Statement\ndate: '2022-01-10'\n---\n\n"
                   "We, the leaders, met in Japan.\n")[0].empty());
  CHECK(attributed("---\ntitle: Joint Statement\ndate: '2022-01-10'\n---\n\n"
                   "Today we met. We, the leaders of Japan and Ukraine, agree.\n")[0].empty());
}

TEST_CASE("speaker: titles in statements and calls") {
  // A title before a surname makes it a person even without a full name.
  auto fact = names_for(
      "---\ntitle: Fact Sheet: Results of a Meeting\ndate: '2022-07-15'\n---\n\n"
      "**Support for PGII:** President Biden welcomed the plan to invest.\n", "f.md");
  CHECK(fact[0] == Names{"Biden"});
  // One role joined by "and" or "to" before the author's name.
  auto sanders = names_for(
      "---\ntitle: Statement from Senior Advisor and Chief Spokesperson Symone Sanders on "
      "the Meeting\ndate: '2021-06-15'\n---\n\nToday the Vice President met workers.\n",
      "s.md");
  CHECK(sanders[0] == Names{"Symone Sanders"});
  auto singh = names_for(
      "---\ntitle: Statement by Deputy Press Secretary to the Vice President Sabrina Singh\n"
      "date: '2022-03-15'\n---\n\nThe Second Gentleman tested positive.\n", "s.md");
  CHECK(singh[0] == Names{"Sabrina Singh"});
  // A call's moderator is the name the next speaker thanks.
  auto call = names_for(
      "---\ntitle: Press Gaggle by John Kirby\ndate: '2025-01-03'\n---\n\n"
      "MODERATOR:  Hey, everyone. Over to John Kirby.\n\n"
      "MR. KIRBY:  Thanks, Eduardo. Good afternoon.\n\n"
      "MODERATOR:  Next up, Alex Ward.\n\nQ    Hi, John.\n", "g.md");
  REQUIRE(call.size() == 4);
  CHECK(call[0] == Names{"Eduardo"});
  CHECK(call[2] == Names{"Eduardo"});
  CHECK(call[1] == Names{"John Kirby"});
  // A three-part name right after a title stays whole.
  auto vietnam = names_for(
      "---\ntitle: Remarks by President Biden and President V\xC3\xB5 V\xC4\x83n "
      "Th\xC6\xB0\xE1\xBB\x9Fng of Vietnam\ndate: '2023-09-11'\n---\n\n"
      "PRESIDENT TH\xC6\xAF\xE1\xBB\x9ENG:  Thank you.\n\nPRESIDENT BIDEN:  Thank you.\n",
      "v.md");
  CHECK(vietnam[0] == Names{"V\xC3\xB5 V\xC4\x83n Th\xC6\xB0\xE1\xBB\x9Fng"});
}

TEST_CASE("speaker: family name first or last is one person") {
  AliasTable none;
  auto groups = none.group({{"Fumio Kishida", 3}, {"Kishida Fumio", 1}, {"Kishida", 1}});
  CHECK(groups["Kishida Fumio"] == "Fumio Kishida");
  CHECK(groups["Kishida"] == "Fumio Kishida");
}

TEST_CASE("speaker: ministers' and spokespeople's labels name them") {
  auto page = attributions_for(
      "---\ntitle: Secretary Antony J. Blinken and Ukrainian Foreign Minister Dmytro Kuleba at a "
      "Joint Press Availability\ndate: '2023-03-10'\n---\n\n"
      "SECRETARY BLINKEN:  Good afternoon. Dmytro, it is good to see you again.\n\n"
      "FOREIGN MINISTER KULEBA:  Thank you, Tony. Ukraine is grateful for the support.\n\n"
      "QUESTION:  A question for the Foreign Minister, please.\n\n"
      "FOREIGN MINISTER KULEBA:  We will answer in due course.\n\n"
      "DEPUTY PRIME MINISTER FREELAND:  Canada stands with Ukraine.\n",
      "t.md");
  REQUIRE(page.size() == 5);
  for (std::size_t i : {1, 3}) {
    CAPTURE(i);
    REQUIRE(page[i].size() == 1);
    CHECK(page[i][0].name == "Dmytro Kuleba");
    CHECK(page[i][0].role == "Foreign Minister");
  }
  REQUIRE(page[4].size() == 1);
  CHECK(page[4][0].name == "Freeland");
  CHECK(page[4][0].role == "Deputy Prime Minister");
}

TEST_CASE("speaker: a middle initial does not make another person") {
  AliasTable none;
  auto groups = none.group({{"Antony Blinken", 5}, {"Antony J. Blinken", 3},
                            {"Joseph R. Biden", 2}, {"Joseph Biden", 4}, {"Hunter Biden", 3},
                            {"J. Smith", 1}, {"K. Smith", 1}});
  CHECK(groups["Antony J. Blinken"] == "Antony Blinken");
  CHECK(groups["Joseph R. Biden"] == "Joseph Biden");
  CHECK(groups["Hunter Biden"] == "Hunter Biden");
  // Initials alone are not a given name to compare.
  CHECK(groups["J. Smith"] != groups["K. Smith"]);
}

TEST_CASE("speaker: a name that ends a longer name joins it") {
  AliasTable none;
  auto groups = none.group({{"McGill Johnson", 9}, {"Alexis McGill Johnson", 2},
                            {"Lance Bottoms", 3}, {"Keisha Lance Bottoms", 1},
                            {"Joe Biden", 50}, {"Kamala Harris", 20}});
  // One person each, shown by the more frequent spelling.
  CHECK(groups["McGill Johnson"] == "McGill Johnson");
  CHECK(groups["Alexis McGill Johnson"] == "McGill Johnson");
  CHECK(groups["Lance Bottoms"] == "Lance Bottoms");
  CHECK(groups["Keisha Lance Bottoms"] == "Lance Bottoms");
  CHECK(groups["Joe Biden"] == "Joe Biden");
  CHECK(groups["Kamala Harris"] == "Kamala Harris");
  // Two people end with the same two words about equally: no join.
  auto split = none.group({{"Van Hollen", 4}, {"Chris Van Hollen", 3}, {"Anne Van Hollen", 2}});
  CHECK(split["Van Hollen"] == "Van Hollen");
  CHECK(split["Chris Van Hollen"] == "Chris Van Hollen");
}

TEST_CASE("speaker: ids are folded names") {
  CHECK(speaker_id("Ned  Price") == "ned price");
  CHECK(speaker_id("Karine Jean-Pierre") == "karine jean-pierre");
}

// Rules found by a random sample of statements and readouts (see
// tests/gold/README.md, "Random news sample").
TEST_CASE("speaker: statements by two people, and readouts of two leaders") {
  auto both = names_for(
      "---\ntitle: Statement of President Joe Biden and First Lady Jill Biden on the Passing of "
      "General Ray Smith\ndate: '2021-10-09'\n---\n\n"
      "We are saddened to learn of the death of General Ray Smith, who served his country.\n",
      "s.md");
  REQUIRE(both.size() == 1);
  CHECK(both[0] == Names{"Joe Biden", "Jill Biden"});
  // A prepared speech is its speaker's.
  auto prepared = names_for(
      "---\ntitle: Remarks as Prepared for Delivery by First Lady Jill Biden at a Summit\n"
      "date: '2024-10-01'\n---\n\nAs we come together today, our hearts are with the "
      "communities upended by the storm.\n",
      "p.md");
  CHECK(prepared[0] == Names{"Jill Biden"});
  // Remarks by two people stay theirs turn by turn: no title author.
  auto remarks = names_for(
      "---\ntitle: Remarks by President Biden and President Yoon at a Dinner\n"
      "date: '2023-04-26'\n---\n\nGood evening to all of our guests tonight at the dinner.\n",
      "r.md");
  CHECK(remarks[0].empty());

  std::string readout =
      "---\ntitle: Readout of a Call\ndate: '2021-05-12'\n---\n\n"
      "President Joseph R. Biden, Jr. spoke today with Prime Minister Benjamin Netanyahu of "
      "Israel. He condemned the rocket attacks, including against Jerusalem and Tel Aviv. He "
      "conveyed his unwavering support for the security of the country and its people.\n\n"
      "The two leaders agreed to maintain the close consultation between their teams in the "
      "days ahead.\n\n"
      "The leaders discussed the situation in the region and the prospects for calm.\n";
  auto names = names_for(readout, "r.md");
  REQUIRE(names.size() == 3);
  // A pronoun chain keeps its referent past place names ("Tel Aviv").
  CHECK(names[0] == Names{"Joseph Biden"});
  CHECK(names[1] == Names{"Joseph Biden", "Benjamin Netanyahu"});
  CHECK(names[2].empty());  // "discussed" names a topic, not speech.
}

TEST_CASE("speaker: signed letters, memo headers, and quote collections") {
  auto letter = names_for(
      "---\ntitle: Letter to the Speaker of the House\ndate: '2021-09-17'\n---\n\n"
      "MEMORANDUM FOR THE SECRETARY OF STATE\n\n"
      "I have declared a national emergency to deal with the threat posed by this crisis.\n\n"
      "I am enclosing a copy of the Executive Order I have issued today.\n\n"
      "JOSEPH R. BIDEN JR.\n",
      "l.md");
  REQUIRE(letter.size() == 4);
  CHECK(letter[0].empty());  // A header in capitals.
  CHECK(letter[1] == Names{"Joseph R. Biden Jr."});
  CHECK(letter[2] == Names{"Joseph R. Biden Jr."});
  CHECK(letter[3].empty());  // The signature itself.

  auto quotes = names_for(
      "---\ntitle: What They Are Saying\ndate: '2024-05-16'\n---\n\n"
      "Leaders across the country are celebrating the announcement of the new rule.\n\n"
      "**President Liz Shuler, AFL-CIO:** \xE2\x80\x9CThis will help to revitalize our domestic "
      "manufacturing capacity and create new jobs.\xE2\x80\x9D\n\n"
      "\xE2\x80\x9CIt is a good day for the workers of this country and their families.\xE2\x80\x9D\n",
      "w.md");
  REQUIRE(quotes.size() == 3);
  CHECK(quotes[0].empty());
  CHECK(quotes[1] == Names{"Liz Shuler"});
  CHECK(quotes[2] == Names{"Liz Shuler"});

  // A role before the name, and a speech verb before the colon.
  auto readout = names_for(
      "---\ntitle: Readout of a Roundtable\ndate: '2025-03-03'\n---\n\n"
      "*Take It Down Act* Advocate, Francesca Mani, said: \xE2\x80\x9C" "A strong Federal law "
      "is crucial.\xE2\x80\x9D\n\n"
      "Senator Ted Cruz, commented: \xE2\x80\x9C" "For victims, life can change instantly."
      "\xE2\x80\x9D\n\n"
      "Advocate Elliston Berry said: \xE2\x80\x9CThis bill protects children.\xE2\x80\x9D\n",
      "r.md");
  REQUIRE(readout.size() == 3);
  CHECK(readout[0] == Names{"Francesca Mani"});
  CHECK(readout[1] == Names{"Ted Cruz"});
  CHECK(readout[2] == Names{"Elliston Berry"});
}

TEST_CASE("speaker: demands, names with inner capitals, and words the text writes in lower case") {
  auto suffix = names_for(
      "---\ntitle: An Emergency Declaration\ndate: '2024-09-24'\n---\n\n"
      "Today, President Joseph R. Biden, Jr. declared that an emergency exists in the State of "
      "Georgia and ordered Federal assistance.\n",
      "d.md");
  CHECK(suffix[0] == Names{"Joseph Biden"});
  auto calls = names_for(
      "---\ntitle: Fact Sheet: A Plan\ndate: '2021-04-15'\n---\n\n"
      "President Biden is calling on Congress to pass the plan to protect the rights of workers.\n",
      "f.md");
  CHECK(calls[0] == Names{"Biden"});
  auto nominee = names_for(
      "---\ntitle: Nominations Sent to the Senate\ndate: '2022-11-14'\n---\n\n"
      "Martin J. Gruenberg, of Maryland, to be Chairperson of the Board of Directors, vice "
      "Jelena McWilliams, resigned.\n",
      "n.md");
  CHECK(nominee[0].empty());
  auto agency = names_for(
      "---\ntitle: Agencies Sign an Agreement\ndate: '2023-11-09'\n---\n\n"
      "The plan helps communities prevent disease and control smoke from fires near them.\n\n"
      "Centers for Disease Control said the plan would help communities across the region.\n",
      "a.md");
  REQUIRE(agency.size() == 2);
  CHECK(agency[1].empty());
  // A speech verb after a possessive is an adjective; a dash between two
  // words does not glue them into one.
  auto readout = names_for(
      "---\ntitle: Readout of a Meeting\ndate: '2023-08-29'\n---\n\n"
      "President Biden also recognized Costa Rica\xE2\x80\x99s continued cooperation in "
      "regional efforts.\n\n"
      "Seventy-four years ago the nations came together to form the North Atlantic Treaty "
      "Organization\xE2\x80\x94President Truman said, \xE2\x80\x9Cthe will of the people is "
      "for peace.\xE2\x80\x9D\n",
      "r.md");
  REQUIRE(readout.size() == 2);
  CHECK(readout[0] == Names{"Biden"});
  CHECK(readout[1] == Names{"Truman"});
}

TEST_CASE("speaker: lists, stances, jobs and places in readouts and biographies") {
  // The items of a list that a speaker introduces with a colon.
  auto list = names_for(
      "---\ntitle: Readout of a Meeting\ndate: '2022-09-26'\n---\n\n"
      "Secretary Gina Raimondo commended the members and highlighted several examples of "
      "initiatives:\n\n"
      "1. The Bureau has taken steps to address fees that Americans pay every year.\n\n"
      "2. The Department is issuing new rules on how airlines disclose their fees.\n\n"
      "The meeting ended after the members reported on their progress over the year.\n",
      "r.md");
  REQUIRE(list.size() == 4);
  CHECK(list[0] == Names{"Gina Raimondo"});
  CHECK(list[1] == Names{"Gina Raimondo"});
  CHECK(list[2] == Names{"Gina Raimondo"});
  CHECK(list[3].empty());

  // "has been clear", and a pronoun after a role reference rather than
  // after a place the text also names ("in Florida").
  auto stance = names_for(
      "---\ntitle: Readout of a Meeting\ndate: '2022-07-14'\n---\n\n"
      "Vice President Kamala Harris met legislators of Southwest and Central Florida today.\n\n"
      "During the meeting, the Vice President conveyed her support for the legislators in "
      "Florida. She emphasized that the government should not interfere.\n\n"
      "Senator Jon Smith has been clear that the state must protect its residents.\n",
      "r.md");
  REQUIRE(stance.size() == 3);
  CHECK(stance[1] == Names{"Kamala Harris"});
  CHECK(stance[2] == Names{"Jon Smith"});

  // "directed" a team is a job; "directed" an agency to act is speech.
  auto bio = names_for(
      "---\ntitle: Key Nominees\ndate: '2022-05-13'\n---\n\n"
      "Stacy Dean is the Deputy Under Secretary at the Department of Agriculture. She directed "
      "the food assistance team of a research center for ten years.\n\n"
      "Governor Jane Miller directed the state agencies to open shelters before the storm.\n",
      "n.md");
  REQUIRE(bio.size() == 2);
  CHECK(bio[0].empty());
  CHECK(bio[1] == Names{"Jane Miller"});
}

TEST_CASE("speaker: a list of officials as one subject") {
  auto names = names_for(
      "---\ntitle: Readout of a Roundtable\ndate: '2024-09-12'\n---\n\n"
      "At the roundtable, Chief of Staff Jeff Zients, Senior Advisor to the President for "
      "International Climate Policy John Podesta, Secretary of Commerce Gina Raimondo, and "
      "industry leaders committed to partnering closely on the new plants.\n\n"
      "Mr. Zients briefed on the plans, including a meeting with Foreign Minister Jan Novak, and "
      "welcomed continued coordination with the companies.\n",
      "r.md");
  REQUIRE(names.size() == 2);
  CHECK(names[0] == Names{"Jeff Zients", "John Podesta", "Gina Raimondo"});
  // "..., and welcomed continued ...": a verb, not a group ending a list,
  // so Jan Novak is no subject.
  CHECK(names[1].empty());
}

TEST_CASE("speaker: places after a title, and names of things, are not speakers") {
  auto names = names_for(
      "---\ntitle: Fact Sheet: An Executive Order\ndate: '2022-03-02'\n---\n\n"
      "The Governor of Texas has directed state officials to open investigations into families.\n\n"
      "The President signed an Executive Order today. The Order states that the committee shall "
      "consider the effect of a transaction on supply chains.\n\n"
      "Women played a critical role in World War II. Their contributions in the second World War "
      "made clear that the force is stronger with them.\n",
      "f.md");
  REQUIRE(names.size() == 3);
  CHECK(names[0].empty());
  CHECK(names[1].empty());
  CHECK(names[2].empty());
}

TEST_CASE("speaker: the First Lady is the office's holder that day") {
  AliasTable aliases = AliasTable::parse(R"({"aliases": {}, "offices": {
      "First Lady": [{"name": "Melania Trump", "from": "2025-01-20"}]}})");
  auto articles = parse_article(
      "---\ntitle: A Coalition for Children\ndate: '2025-09-23'\n---\n\n"
      "The U.S. First Lady shared the mission of the coalition with the delegates.\n",
      "f.md");
  auto passages = split_passages(articles[0]);
  auto speakers = attribute_speakers(articles[0], passages, &aliases);
  REQUIRE(speakers.size() == 1);
  REQUIRE(speakers[0].size() == 1);
  CHECK(speakers[0][0].name == "Melania Trump");
}

TEST_CASE("speaker: a heading in the body names the authors of its section") {
  auto release = names_for(
      "---\ntitle: President Biden Announces a New Coordinator\ndate: '2022-05-20'\n---\n\n"
      "Today the White House announced that Jane Roe will join the National Security Council.\n\n"
      "**Statement from National Security Advisor Jake Sullivan:**\n\n"
      "Jane brings decades of experience to this role, and I look forward to working with "
      "her.\n\n"
      "**Statement from Jane Roe:**\n\n"
      "I am honored to serve in this role.\n\n"
      "Jane Roe for Coordinator Jane Roe served as a spokesperson of the Navy.\n\n"
      "**About the Coordinator**\n\n"
      "She served for twenty years in the Navy.\n",
      "r.md");
  REQUIRE(release.size() == 8);
  CHECK(release[0].empty());
  CHECK(release[1].empty());  // The heading itself.
  CHECK(release[2] == Names{"Jake Sullivan"});
  CHECK(release[3].empty());
  CHECK(release[4] == Names{"Jane Roe"});
  CHECK(release[5].empty());  // A biography: it opens with a full name.
  CHECK(release[6].empty());  // Another heading ends the section.
  CHECK(release[7].empty());

  // Sub-headings that are sentences belong to the section.
  auto cover = names_for(
      "---\ntitle: Strategy for Addressing the Root Causes of Migration\ndate: '2021-07-29'\n"
      "---\n\n"
      "*Cover Message from Vice President Kamala Harris*\n\n"
      "In Central America, the root causes of migration run deep.\n\n"
      "**First, addressing the root causes of migration is critical.**\n\n"
      "Our strategy draws from decades of experience in the region.\n",
      "c.md");
  REQUIRE(cover.size() == 4);
  CHECK(cover[0].empty());
  CHECK(cover[1] == Names{"Kamala Harris"});
  CHECK(cover[2] == Names{"Kamala Harris"});
  CHECK(cover[3] == Names{"Kamala Harris"});

  // A section heading overrides the title's author; an emphasised line
  // that names nobody does not.
  auto letter = names_for(
      "---\ntitle: Statement by President Joe Biden on a Nomination\ndate: '2021-12-07'\n---\n\n"
      "I have accepted her request to withdraw her name from consideration.\n\n"
      "**Remarks by Saule Omarova (as prepared for delivery)**\n\n"
      "It has been an honor to be considered for this position.\n",
      "n.md");
  REQUIRE(letter.size() == 3);
  CHECK(letter[0] == Names{"Joe Biden"});
  CHECK(letter[2] == Names{"Saule Omarova"});
}

}  // namespace brief
