// Copyright (c) 2026 The brief-search Authors. MIT licence.
// Who speaks in each passage: transcript labels, reporting patterns in
// news text, pull quotes, and carry-over to "he added".
//
// The steps, per article:
//  1. Collect the people the article names. A run of capitalised words
//     ending in a name ("State Department Spokesperson Ned Price") gives a
//     full name ("Ned Price") and the role words before it.
//  2. For each passage with a turn label, resolve the label ("MR. KIRBY",
//     "THE PRESIDENT") to a full name from step 1 or the title.
//  3. For news passages, find reporting patterns ("X said", "said X",
//     "according to X", "was stated by X", a pull quote whose name and
//     role run together) and resolve X: a full name, a known surname, a
//     pronoun (the subject of the previous sentence or the previous
//     passage's speaker), or a role noun ("the spokesman") bound in step 1.
//  4. A statement or speech page without turns is spoken by the person its
//     title names ("Statement from President Joe Biden on ...").
// Precision over recall: when a pattern's subject is not clearly a person,
// the passage gets no speaker.

#include "brief/speaker.h"

#include <xapian.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <map>
#include <optional>
#include <set>
#include <unordered_set>

#include "brief/error.h"
#include "text.h"
#include <nlohmann/json.hpp>

namespace brief {

namespace {

// Capitalised words that are never part of a person's name: roles,
// function words that start sentences, institutions, days and months.
const std::set<std::string, std::less<>>& non_name_words() {
  static const std::set<std::string, std::less<>> kWords = {
      // Function words and sentence openers.
      "A", "An", "The", "This", "That", "These", "Those", "He", "She", "It",
      "We", "They", "I", "In", "On", "At", "For", "And", "But", "Or", "As",
      "Asked", "According", "However", "Also", "Initially", "After",
      "Before", "During", "When", "While", "What", "Why", "How", "Who",
      "Where", "If", "So", "Our", "Their", "His", "Her", "Its", "My", "Your",
      "There", "Here", "Yes", "No", "Thank", "Thanks", "Well", "Now",
      "Today", "Tomorrow", "Yesterday", "Meanwhile", "Moreover", "Still",
      "Then", "With", "From", "By", "Of", "To", "Under", "Over", "Earlier",
      "Later", "Last", "Next", "First", "Second", "Both", "All", "Every",
      "Each", "Some", "Many", "Most", "Such", "Even", "Just", "Only",
      "Since", "Until", "Despite", "Although", "Though", "Because", "Let",
      "Good", "Okay", "OK", "Please", "Again", "Dear", "Hi", "Hello",
      "Madam", "Mister", "Folks", "Ladies", "Gentlemen", "Everybody",
      "Doctor", "Doctors", "Drs", "Drs.", "Messrs", "Messrs.", "Colleagues",
      "Everyone",
      // Honorifics and roles.
      "Mr", "Mrs", "Ms", "Dr", "Mr.", "Mrs.", "Ms.", "Dr.", "Miss", "Sir",
      "Dame", "Lady", "Lord", "President", "President-elect", "Vice",
      "Secretary", "Minister", "Ministers", "Foreign", "Deputy", "Prime",
      "Chancellor", "Taoiseach", "Spokesperson", "Spokesman", "Spokeswoman", "Press",
      "State", "Department", "Ambassador", "Senator", "Sen.", "Governor",
      "Gov.", "Representative", "Rep.", "Congressman", "Congresswoman",
      "Admiral", "Adm.", "General", "Gen.", "Director", "Coordinator",
      "Adviser", "Advisor", "National", "Security", "Council", "Chief",
      "Staff", "Leader", "Speaker", "Majority", "Minority", "Attorney",
      "Justice", "Judge", "Chairman", "Chairwoman", "Chair", "Commissioner",
      "Administrator", "Special", "Envoy", "Assistant", "Senior", "Official",
      "Officials", "Administration", "Strategic", "Communications",
      "Principal", "Homeland", "Defense", "Treasury", "Commerce", "Energy",
      "Transportation", "Agriculture", "Labor", "Education", "Interior",
      "Health", "Human", "Services", "Veterans", "Affairs", "Climate",
      "Economic", "Domestic", "Policy", "Office", "Ministry", "Embassy",
      "Mayor", "Secretary-General", "Queen", "King", "Prince", "Princess",
      "Pope", "Crown", "Emir", "Sheikh", "Saint", "His", "Excellency",
      "Majesty", "Highness", "Colonel", "Col.", "Lieutenant", "Lt.",
      "Captain", "Capt.", "Sergeant", "Major", "Commander", "Officer",
      "Correspondent", "Reporter", "Moderator", "Host", "Anchor", "Editor",
      "Member", "Members", "Team", "Agency", "Bureau", "Service",
      "Committee", "House", "Senate", "Congress", "Court", "Supreme",
      "Federal", "Government", "Kremlin", "Pentagon", "Russian", "American",
      "Ukrainian", "Chinese", "European", "British", "French", "German",
      "Israeli", "Palestinian", "Iranian", "Japanese", "Korean", "Indian",
      "Canadian", "Mexican", "Turkish", "Polish", "Italian", "Spanish",
      "U.S.", "US", "USA", "UN", "U.N.", "United", "States", "Nations",
      "Kingdom", "Union", "Republic", "Federation", "White", "Biden-Harris",
      "Mission", "Organization", "Group", "Ministerial", "Summit", "G20",
      "G7", "NATO", "EU", "New", "North", "South", "East", "West", "Middle",
      "Air", "Force", "One", "Two", "Room", "Briefing", "Remarks",
      "Statement", "Readout", "Fact", "Sheet", "Joint", "Conference",
      "Call", "Meeting", "Bilateral", "Background", "Teleconference",
      "Via", "En", "Route", "Aboard",
      // Places that stand as subjects ("Moscow said").
      "Russia", "Ukraine", "China", "India", "Moscow", "Washington", "Kyiv",
      "Kiev", "Beijing", "London", "Paris", "Berlin", "Tokyo", "Brussels",
      "Israel", "Iran", "Gaza", "America", "Europe", "Africa", "Asia",
      "Saudi", "Arabia", "Korea", "Japan", "Mexico", "Canada", "Germany",
      "France", "Italy", "Poland", "Turkey", "Türkiye", "Egypt", "Jordan",
      "Qatar", "Iraq", "Syria", "Afghanistan", "Pakistan", "Taiwan",
      "Philippines", "Vietnam", "Australia", "Britain", "Ireland", "Brazil",
      "Venezuela", "Cuba", "Haiti", "Colombia", "Argentina", "Nigeria",
      "Kenya", "Ethiopia", "Sudan", "Lebanon", "Yemen", "Emirates", "Arab",
      "Governments", "Government", "Leaders", "Delegations", "Sides",
      // Days and months.
      "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
      "Sunday", "January", "February", "March", "April", "May", "June",
      "July", "August", "September", "October", "November", "December",
  };
  return kWords;
}

// Words that name a role when they stand before a name.
bool is_role_word(std::string_view w) {
  static const std::set<std::string, std::less<>> kRoles = {
      "President", "Vice", "Secretary", "Minister", "Foreign", "Deputy",
      "Prime", "Chancellor", "Taoiseach", "Emir", "King", "Queen", "Spokesperson", "Spokesman", "Spokeswoman",
      "spokesperson", "spokesman", "spokeswoman", "Press", "State",
      "Department", "Ambassador", "Senator", "Governor", "Representative",
      "Admiral", "General", "Director", "Coordinator", "Adviser", "Advisor",
      "National", "Security", "Council", "Chief", "Staff", "Leader",
      "Speaker", "Attorney", "Chairman", "Chair", "Commissioner",
      "Administrator", "Special", "Envoy", "Assistant", "Senior", "Official",
      "Strategic", "Communications", "Principal", "Homeland", "Defense",
      "Treasury", "Commerce", "Energy", "Mayor", "Secretary-General",
      "U.S.", "US", "Russian", "of", "for", "the", "Federation", "Russia",
      "Foreign", "Affairs", "Ministry", "White", "House", "Economic",
      "Domestic", "Policy", "Climate", "Health", "Human", "Services",
      "Prime", "Ukrainian", "Chinese", "NSC", "Pentagon", "Kremlin",
      // Nationalities before a title: "British Prime Minister Rishi Sunak".
      "British", "French", "German", "Italian", "Japanese", "Indian", "Israeli", "Iranian",
      "Canadian", "Mexican", "Brazilian", "Australian", "Korean", "Turkish", "Saudi",
      "Egyptian", "Polish", "Spanish", "Dutch", "European", "Qatari", "Emirati", "Jordanian",
      "Pakistani", "Afghan", "Iraqi", "Syrian", "Lebanese", "Palestinian", "Cuban",
      "Venezuelan", "Colombian", "Argentine", "Chilean", "Kenyan", "Nigerian", "Indonesian",
      "Philippine", "Vietnamese", "Thai", "Taiwanese", "Hungarian", "Greek", "Swedish",
      "Finnish", "Norwegian", "Danish", "Irish", "Belgian", "Austrian", "Swiss", "Romanian",
      "Georgian", "Armenian", "Belarusian", "Moldovan", "Lithuanian", "Latvian", "Estonian"};
  return kRoles.count(w) > 0;
}

// Role words that by themselves name a person's title: "President",
// "Mr.", "Secretary" (not "State" or "House").
bool is_title_noun(std::string_view w) {
  static const std::set<std::string, std::less<>> kTitles = {
      "President", "Secretary", "Minister", "Chancellor", "Taoiseach", "Emir", "King",
      "Queen", "Spokesperson", "Spokesman", "Spokeswoman", "Ambassador", "Senator",
      "Governor", "Representative", "Admiral", "General", "Director", "Coordinator",
      "Adviser", "Advisor", "Leader", "Speaker", "Chairman", "Chair", "Commissioner",
      "Administrator", "Envoy", "Mayor", "Secretary-General", "Mr.", "Ms.", "Mrs.", "Dr.",
      "Premier", "Sen.", "Rep.", "Gov."};
  return kTitles.count(w) > 0;
}

// Speech verbs of reporting patterns, as written (past and present).
bool is_speech_verb(std::string_view w) {
  static const std::set<std::string, std::less<>> kVerbs = {
      "said",      "says",        "told",       "tells",      "added",
      "adds",      "noted",       "notes",      "stressed",   "stresses",
      "emphasized", "emphasised", "emphasizes", "explained",  "explains",
      "argued",    "argues",      "concluded",  "stated",     "states",
      "warned",    "warns",       "insisted",   "insists",    "declared",
      "announced", "remarked",    "claimed",    "claims",     "asserted",
      "replied",   "responded",   "commented",  "continued",  "acknowledged",
      "admitted",  "observed",    "underlined", "underscored", "reiterated",
      "recalled",  "wrote",       "tweeted",    "confirmed",  "urged",
      "answered",  "suggested",   "maintained", "contended",  "cautioned",
      "assured",   "conceded",    "predicted",  "vowed",      "pledged",
      // Stance verbs of readouts and statements.
      "reaffirmed", "reaffirms",  "affirmed",   "affirms",    "underscores",
      "expressed", "expresses",   "welcomed",   "welcomes",   "condemned",
      "condemns",  "thanked",     "thanks",     "highlighted", "highlights",
      "commended", "commends",    "applauded",  "applauds",   "congratulated",
      "congratulates", "praised", "praises",    "encouraged", "encourages",
      "conveyed",  "conveys",     "offered",    "shared",     "agreed",
      "committed", "directed",    "requested",  "outlined",   "outlines",
      "described", "describes",   "advised",    "promised",   "recognized",
      "emphasizes", "stressed",   "reiterates", "notes",      "urges"};
  return kVerbs.count(w) > 0;
}

// Passive "was stated by X": the verbs that may stand before "by".
bool is_passive_speech_verb(std::string_view w) {
  static const std::set<std::string, std::less<>> kVerbs = {
      "stated", "said", "made", "announced", "voiced", "expressed",
      "delivered", "issued", "quoted"};
  return kVerbs.count(w) > 0;
}

bool is_adverb(std::string_view w) {
  static const std::set<std::string, std::less<>> kAdverbs = {
      "also", "further", "then", "later", "previously", "again", "earlier",
      "once", "repeatedly", "separately", "additionally", "recently",
      "reportedly", "publicly", "privately", "later", "had", "has", "have",
      "has", "would", "will", "quickly", "flatly", "firmly", "clearly",
      "simply", "bluntly", "openly", "told", "in", "general",
      // Auxiliaries: "is calling on", "has been clear".
      "is", "was", "been"};
  return kAdverbs.count(w) > 0;
}

// Role nouns that may stand for a person named earlier ("the spokesman").
bool is_role_noun(std::string_view w) {
  static const std::set<std::string, std::less<>> kNouns = {
      "spokesman", "spokesperson", "spokeswoman", "diplomat", "secretary",
      "minister", "official", "representative", "ambassador", "president",
      "senator", "governor", "envoy", "adviser", "advisor", "chancellor",
      "premier", "leader", "general", "admiral", "director", "coordinator",
      "taoiseach", "king", "queen", "emir", "chairman", "chancellor"};
  return kNouns.count(w) > 0;
}

// Reporters and audiences are never the speaker of a passage.
bool is_press_label(std::string_view label) {
  static const std::set<std::string, std::less<>> kPress = {
      "Q", "QUESTION", "REPORTER", "PRESS", "AUDIENCE MEMBER", "AUDIENCE",
      "PARTICIPANT", "PARTICIPANTS", "CROWD", "AUDIENCE MEMBERS",
      "REPORTERS", "VOICE", "UNIDENTIFIED", "INTERPRETER"};
  return kPress.count(label) > 0;
}

// A word of text with its cleaned form.
struct Token {
  std::string raw;
  std::string word;       // Without surrounding punctuation or "'s".
  bool ends_sentence = false;
  bool ends_clause = false;   // Followed by a comma or a closing quote.
  bool opens_quote = false;
  bool closes_quote = false;
  bool in_quote = false;  // Inside quotation marks.
  int sentence = 0;
};

bool is_quote_mark_prefix(std::string_view s, std::size_t& len) {
  if (s.empty()) return false;
  // Markdown emphasis ("**President") is stripped like a quote mark.
  if (s[0] == '"' || s[0] == '\'' || s[0] == '(' || s[0] == '[' || s[0] == '*' ||
      s[0] == '_') {
    len = 1;
    return true;
  }
  if (s.starts_with("\xE2\x80\x9C") || s.starts_with("\xE2\x80\x98") ||
      s.starts_with("\xE2\x80\x9D") || s.starts_with("\xC2\xAB")) {
    len = s.starts_with("\xC2\xAB") ? 2 : 3;
    return true;
  }
  return false;
}

bool is_quote_mark_suffix(std::string_view s, std::size_t& len) {
  if (s.empty()) return false;
  char c = s.back();
  if (c == '"' || c == '\'' || c == ')' || c == ']' || c == ',' ||
      c == '.' || c == ';' || c == ':' || c == '!' || c == '?' || c == '*' || c == '_') {
    len = 1;
    return true;
  }
  if (s.ends_with("\xE2\x80\x9D") || s.ends_with("\xE2\x80\x99") ||
      s.ends_with("\xE2\x80\x9C")) {
    len = 3;
    return true;
  }
  if (s.ends_with("\xC2\xBB")) {
    len = 2;
    return true;
  }
  return false;
}

bool is_abbreviation(std::string_view w) {
  static const std::set<std::string, std::less<>> kAbbrev = {
      "Mr.", "Mrs.", "Ms.", "Dr.", "U.S.", "U.N.", "Gen.", "Sen.", "Rep.",
      "Gov.", "Lt.", "Col.", "Adm.", "St.", "Jr.", "Sr.", "No.", "vs."};
  return kAbbrev.count(w) > 0 ||
         (w.size() == 2 && text::is_ascii_upper(w[0]) && w[1] == '.');
}

// The words of `s`, with dashes glued between words ("Organization—
// President Truman") split off as words of their own.
std::vector<std::string_view> words_and_dashes(std::string_view s) {
  std::vector<std::string_view> words = text::split_words(s);
  if (s.find("\xE2\x80\x94") == std::string_view::npos &&
      s.find("\xE2\x80\x93") == std::string_view::npos)
    return words;
  std::vector<std::string_view> out;
  for (std::string_view raw : words) {
    for (;;) {
      std::size_t em = raw.find("\xE2\x80\x94"), en = raw.find("\xE2\x80\x93");
      std::size_t dash = std::min(em, en);
      if (dash == std::string_view::npos || raw.size() == 3) break;
      if (dash > 0) out.push_back(raw.substr(0, dash));
      out.push_back(raw.substr(dash, 3));
      raw.remove_prefix(dash + 3);
      if (raw.empty()) break;
    }
    if (!raw.empty()) out.push_back(raw);
  }
  return out;
}

// Lower-case words that belong to a surname: "Ursula von der Leyen",
// "Bill de Blasio", "Luiz Inácio Lula da Silva".
bool is_name_particle(std::string_view w) {
  static const std::set<std::string, std::less<>> kParticles = {
      "von", "van", "der", "den", "de", "del", "della", "di", "da", "du",
      "dos", "das", "do", "ten", "ter", "bin", "ibn", "le", "la"};
  return kParticles.count(w) > 0;
}

bool is_name_word(std::string_view w);

// Joins a surname's particles and its capitalised word into one token,
// "von der Leyen", so that the name rules see a given name and a surname.
// Only where a name ends there: after one given name ("Ursula von der
// Leyen said"), or opening a sentence with two or more particles ("Von
// der Leyen added"). A capitalised single particle ("Chris Van Hollen")
// is a name word already.
void merge_particles(std::vector<Token>& tokens) {
  std::vector<Token> out;
  out.reserve(tokens.size());
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    std::size_t k = i;
    auto particle_at = [&](std::size_t j) {
      std::string lower = text::ascii_lower(tokens[j].word);
      bool lower_case = !tokens[j].word.empty() && text::is_ascii_lower(tokens[j].word[0]);
      return is_name_particle(lower) && (lower_case || j == i) && !tokens[j].ends_clause &&
             !tokens[j].ends_sentence && !tokens[j].closes_quote;
    };
    while (k < tokens.size() && particle_at(k)) ++k;
    bool run = k > i && k < tokens.size() && is_name_word(tokens[k].word);
    bool capital = run && !text::is_ascii_lower(tokens[i].word[0]);
    // One given name before: with more ("Luiz Inácio Lula da Silva") the
    // name rules already take a given name and surname from the words.
    bool one_given = out.size() < 2 || !is_name_word(out[out.size() - 2].word) ||
                     out[out.size() - 2].ends_clause || out[out.size() - 2].ends_sentence;
    bool after_given = run && !capital && !out.empty() && is_name_word(out.back().word) &&
                       !out.back().ends_clause && !out.back().ends_sentence &&
                       !out.back().closes_quote && out.back().word.find(' ') == std::string::npos &&
                       one_given;
    bool opens = run && capital && k - i >= 2 &&
                 (out.empty() || out.back().ends_sentence || out.back().closes_quote);
    bool name_ends = run && (k + 1 == tokens.size() || !is_name_word(tokens[k + 1].word) ||
                             tokens[k].ends_clause || tokens[k].ends_sentence);
    if (!(after_given || opens) || !name_ends) {
      out.push_back(std::move(tokens[i]));
      continue;
    }
    Token merged = tokens[k];
    merged.opens_quote = tokens[i].opens_quote;
    merged.in_quote = tokens[i].in_quote;
    std::string raw, word;
    for (std::size_t j = i; j < k; ++j) {
      raw += tokens[j].raw + " ";
      word += text::ascii_lower(tokens[j].word) + " ";
    }
    merged.raw = raw + tokens[k].raw;
    merged.word = word + tokens[k].word;
    out.push_back(std::move(merged));
    i = k;
  }
  tokens = std::move(out);
}

std::vector<Token> tokenize(std::string_view s) {
  std::vector<Token> tokens;
  int sentence = 0;
  bool quoting = false;
  for (std::string_view raw : words_and_dashes(s)) {
    Token t;
    t.raw = std::string(raw);
    std::string_view w = raw;
    std::size_t len = 0;
    while (is_quote_mark_prefix(w, len)) {
      if (w[0] != '(' && w[0] != '[' && w[0] != '*' && w[0] != '_') t.opens_quote = true;
      w.remove_prefix(len);
    }
    bool sentence_end = false;
    std::string_view before_strip = w;
    while (is_quote_mark_suffix(w, len)) {
      std::string_view mark = w.substr(w.size() - len);
      if (mark == "," || mark == ";") t.ends_clause = true;
      if (mark == "\"" || mark == "\xE2\x80\x9D" || mark == "'" ||
          mark == "\xC2\xBB")
        t.closes_quote = true;
      if (mark == "." || mark == "!" || mark == "?") sentence_end = true;
      w.remove_suffix(len);
    }
    if (sentence_end && is_abbreviation(before_strip)) sentence_end = false;
    if (sentence_end && w.size() == 1 && text::is_ascii_upper(w[0]))
      sentence_end = false;  // An initial.
    // Keep the dots of "U.S." and "Mr." as part of the word.
    if (is_abbreviation(before_strip)) w = before_strip;
    std::string word(w);
    for (std::string_view suffix : {"\xE2\x80\x99s", "'s"}) {
      if (word.size() > suffix.size() + 1 && word.ends_with(suffix))
        word.resize(word.size() - suffix.size());
    }
    t.word = word;
    t.sentence = sentence;
    t.in_quote = quoting || t.opens_quote;
    if (t.opens_quote && !t.closes_quote) quoting = true;
    if (t.closes_quote) quoting = false;
    t.ends_sentence = sentence_end;
    if (sentence_end) ++sentence;
    tokens.push_back(std::move(t));
  }
  merge_particles(tokens);
  return tokens;
}

// A word that may be part of a name: capitalised, letters (any script),
// hyphens, apostrophes and a few dots, no digits, not all capitals.
bool is_name_word(std::string_view w) {
  // A surname with its particles (merge_particles()): "von der Leyen".
  if (std::size_t space = w.rfind(' '); space != std::string_view::npos)
    return is_name_particle(w.substr(0, w.find(' '))) && is_name_word(w.substr(space + 1));
  if (w.size() < 2 || !text::is_capitalized(w)) return false;
  bool has_lower = false;
  for (char c : w) {
    if (text::is_ascii_digit(c)) return false;
    if (text::is_ascii_lower(c) || static_cast<unsigned char>(c) >= 0x80)
      has_lower = true;
    if (!(text::is_ascii_alpha(c) || c == '-' || c == '\'' ||
          static_cast<unsigned char>(c) >= 0x80))
      return false;
  }
  return has_lower && !non_name_words().count(w);
}

// "R" or "R." standing for a middle name.
bool is_initial(std::string_view w) {
  return (w.size() == 1 && text::is_ascii_upper(w[0])) ||
         (w.size() == 2 && text::is_ascii_upper(w[0]) && w[1] == '.');
}

std::string title_case(std::string_view upper) {
  // Letters after the first of each word go to lower case, accented ones
  // too ("THƯỞNG" -> "Thưởng"), except where surnames capitalise inside:
  // "MCGILL" -> "McGill", "O’CONNELL" -> "O’Connell".
  std::string out;
  bool start = true;
  std::size_t word_begin = 0;
  for (Xapian::Utf8Iterator it(upper.data(), upper.size()); it != Xapian::Utf8Iterator(); ++it) {
    unsigned ch = *it;
    if (Xapian::Unicode::is_wordchar(ch)) {
      if (start) word_begin = out.size();
      bool upper_here = start || std::string_view(out).substr(word_begin) == "Mc";
      Xapian::Unicode::append_utf8(out, upper_here ? ch : Xapian::Unicode::tolower(ch));
      start = false;
    } else {
      bool one_letter = out.size() == word_begin + 1;  // "O" of "O’Connell".
      Xapian::Unicode::append_utf8(out, ch);
      start = (ch == ' ' || ch == '-' || ((ch == '\'' || ch == 0x2019) && one_letter));
    }
  }
  return out;
}

// The surname: the last word with the particles before it ("von der
// Leyen" of "Ursula von der Leyen").
std::string last_word(std::string_view name) {
  std::size_t start = name.find_last_of(' ');
  if (start == std::string_view::npos) return std::string(name);
  ++start;
  while (start > 1) {
    std::size_t before = name.find_last_of(' ', start - 2);
    std::size_t word = before == std::string_view::npos ? 0 : before + 1;
    if (!is_name_particle(name.substr(word, start - 1 - word))) break;
    start = word;
  }
  return std::string(name.substr(start));
}

// People the article names, with the role words seen before their names.
class PeopleTable {
 public:
  // Records the words a text writes in lower case; call it for every text
  // of the article before scan(), so that names made of common words are
  // known from the start.
  void note_lower_words(const std::vector<Token>& tokens) {
    for (const auto& t : tokens)
      if (!t.word.empty() && text::is_ascii_lower(t.word[0]) && !lower_words_.count(t.word))
        lower_words_.insert(t.word);
  }

  // True for names of things rather than people: "Executive Order",
  // "Rescue Plan", "World War" (the last word is an institution's or a
  // document's), or words the article writes in lower case.
  bool not_a_person(std::string_view name) const {
    static const std::set<std::string, std::less<>> kThings = {
        "Order", "Act", "Plan", "War", "Agreement", "Treaty", "Declaration", "Initiative",
        "Program", "Programme", "Committee", "Commission", "Agency", "Senate", "Congress",
        "Court", "Party", "Union", "Administration", "Bureau", "Force", "Guard", "Army",
        "Navy", "Corps", "Summit", "Forum", "Conference", "Strategy", "Framework",
        "Partnership", "Alliance", "Organization", "Association", "Foundation", "Institute",
        "University", "College", "School", "Hospital", "Company", "Corporation", "Network",
        "Report", "Amendment", "Constitution", "Project", "Coalition", "Caucus", "Cabinet",
        "Embassy", "Airport", "County", "Museum", "Memorial", "Month", "Week", "Prevention",
        "Control", "Department", "Council", "Office", "Ministry"};
    std::size_t space = name.rfind(' ');
    if (space != std::string_view::npos && kThings.count(name.substr(space + 1))) return true;
    return common_words(name);
  }

  // True when the article writes every word of `name` in lower case
  // elsewhere: "High-Speed Internet", "Disease Control" are not people.
  bool common_words(std::string_view name) const {
    // Names here are single-space separated words (see scan()).
    std::string lower = text::ascii_lower(name);
    for (std::size_t begin = 0; begin <= lower.size();) {
      std::size_t end = std::min(lower.find(' ', begin), lower.size());
      if (end > begin && !lower_words_.count(lower.substr(begin, end - begin))) return false;
      begin = end + 1;
    }
    return true;
  }

  // Records the names in `tokens`. In a title-case text (a title) a name
  // counts only where a lower-case word, a comma or the end closes it,
  // since every word there is capitalised.
  void scan(const std::vector<Token>& tokens, bool title_case = false) {
    for (std::size_t i = 0; i < tokens.size(); ++i) {
      if (!is_name_word(tokens[i].word)) continue;
      // A name: Given [Initial.] Surname, both name words.
      std::size_t j = i;
      std::vector<std::string> parts{tokens[i].word};
      while (j + 1 < tokens.size() && parts.size() < 3 &&
             !tokens[j].ends_clause && !tokens[j].ends_sentence &&
             !tokens[j].closes_quote &&
             (is_name_word(tokens[j + 1].word) || is_initial(tokens[j + 1].word))) {
        ++j;
        parts.push_back(tokens[j].word);
      }
      if (is_initial(parts.back())) {  // Ends in an initial: not a name.
        parts.pop_back();
        --j;
      }
      if (parts.size() == 3 && is_initial(parts[1])) parts.erase(parts.begin() + 1);
      // Three names right after a title, closed by a lower-case word or
      // punctuation: a full three-part name ("President Võ Văn Thưởng of").
      bool titled = i > 0 && is_title_noun(tokens[i - 1].word) && !tokens[i - 1].ends_clause;
      bool closed3 = j + 1 >= tokens.size() || !is_name_word(tokens[j + 1].word) ||
                     tokens[j].ends_clause || tokens[j].ends_sentence;
      if (parts.size() == 3 && titled && closed3 && !is_initial(parts[1])) {
        add_full(parts[0] + " " + parts[1] + " " + parts[2], role_before(tokens, i));
        i = j;
        continue;
      }
      // A title's verbs are capitalised too: "President Biden Honoring
      // the Dodgers", "Celebrating".
      if (title_case && parts.size() >= 2 && parts.back().ends_with("ing")) {
        parts.pop_back();
        --j;
      }
      if (title_case && parts.size() >= 2) {
        bool closed = j + 1 >= tokens.size() || !is_name_word(tokens[j + 1].word) ||
                      tokens[j].ends_clause || tokens[j].ends_sentence;
        if (parts.size() > 2 || !closed) {
          i = j;
          continue;
        }
      }
      if (parts.size() >= 2) {
        // Given name and surname; a middle initial is dropped, and of
        // three words the first is more often a place than a name, unless
        // a title stands just before it ("President Võ Văn Thưởng").
        std::string full = parts[parts.size() - 2] + " " + parts.back();
        add_full(full, role_before(tokens, parts.size() == 3 ? i + 1 : i));
        // A glued pull-quote name such as "PriceUS" is handled elsewhere.
      } else {
        ++surname_mentions_[parts.front()];
      }
      i = j;
    }
  }

  void add_full(const std::string& full, const std::string& role) {
    if (not_a_person(full)) return;
    ++full_counts_[full];
    std::string surname = last_word(full);
    by_surname_[surname].insert(full);
    if (!role.empty() && !roles_.count(full)) roles_[full] = role;
  }

  // The full name for a surname, or the surname itself when unknown or
  // ambiguous (two people share it and neither dominates).
  std::string resolve_surname(std::string_view surname) const {
    return dominant_full_name(surname, [](const std::string&) { return true; });
  }

  // For a surname a role label or title gives ("THE PRESIDENT" of
  // "Remarks by President Biden", "GOVERNOR COOPER"): the full name the
  // article gives that role, or the surname itself. Another person of
  // the surname named in the text (a relative a reporter asks about, a
  // journalist) is not the office holder.
  std::string resolve_surname_for_role(std::string_view surname, std::string_view role) const {
    if (role.empty()) return std::string(surname);
    auto last = [](std::string_view r) {
      std::size_t space = r.rfind(' ');
      return space == std::string_view::npos ? r : r.substr(space + 1);
    };
    auto vice = [](std::string_view r) { return r.find("Vice") != std::string_view::npos; };
    return dominant_full_name(surname, [&](const std::string& full) {
      auto held = roles_.find(full);
      return held != roles_.end() && last(held->second) == last(role) &&
             vice(held->second) == vice(role);
    });
  }

  std::vector<std::string> full_names() const {
    std::vector<std::string> out;
    for (const auto& [full, n] : full_counts_) out.push_back(full);
    return out;
  }

  // The one full name the article gives with this first name, or "".
  std::string full_name_with_given(std::string_view given) const {
    std::string found;
    for (const auto& [full, n] : full_counts_) {
      if (!full.starts_with(given) || full.size() <= given.size() || full[given.size()] != ' ')
        continue;
      if (!found.empty()) return {};
      found = full;
    }
    return found;
  }

  bool knows_surname(std::string_view surname) const {
    return by_surname_.count(std::string(surname)) > 0;
  }
  // Evidence that a two-word name is a person, not a place or an
  // organisation ("Saudi Arabia", "Protected Status"): a role before it,
  // or its surname used alone elsewhere in the article.
  bool is_person(const std::string& full) const {
    if (not_a_person(full)) return false;
    if (roles_.count(full)) return true;
    auto it = surname_mentions_.find(last_word(full));
    return it != surname_mentions_.end() && it->second > 0;
  }

  bool knows_full(std::string_view full) const {
    return full_counts_.count(std::string(full)) > 0;
  }

  std::string role_of(std::string_view full) const {
    auto it = roles_.find(std::string(full));
    return it == roles_.end() ? std::string() : it->second;
  }

  // A person whose recorded role contains `role_noun` (lower case), if
  // exactly one does.
  std::string person_with_role(std::string_view role_noun) const {
    // A role that is exactly the phrase ("President", not "Vice
    // President") wins outright.
    std::string exact;
    for (const auto& [full, role] : roles_) {
      if (text::ascii_lower(role) != role_noun) continue;
      if (!exact.empty() && exact != full) {
        exact.clear();
        break;
      }
      exact = full;
    }
    if (!exact.empty()) return exact;
    std::string found;
    for (const auto& [full, role] : roles_) {
      std::string lower = text::ascii_lower(role);
      bool match = lower.find(role_noun) != std::string::npos;
      if (role_noun == "spokesman" || role_noun == "spokeswoman" ||
          role_noun == "spokesperson")
        match = lower.find("spokes") != std::string::npos;
      if (!match) continue;
      if (!found.empty() && found != full) return {};
      found = full;
    }
    return found;
  }

 private:
  static std::string role_before(const std::vector<Token>& tokens,
                                 std::size_t i) {
    std::size_t b = i;
    while (b > 0 && i - b < 8 && is_role_word(tokens[b - 1].word) &&
           !tokens[b - 1].ends_clause && !tokens[b - 1].ends_sentence)
      --b;
    while (b < i && (tokens[b].word == "of" || tokens[b].word == "for" ||
                     tokens[b].word == "the"))
      ++b;
    std::string role;
    for (std::size_t k = b; k < i; ++k) {
      if (!role.empty()) role += ' ';
      role += tokens[k].word;
    }
    return role;
  }

  std::map<std::string, int> full_counts_;
  std::unordered_set<std::string> lower_words_;  // Words seen in lower case.
  std::map<std::string, std::set<std::string>> by_surname_;
  // Of the full names with `surname` that `keep` accepts, the one named
  // more than all the others together; else the surname itself.
  template <typename Keep>
  std::string dominant_full_name(std::string_view surname, Keep keep) const {
    auto it = by_surname_.find(std::string(surname));
    if (it == by_surname_.end()) return std::string(surname);
    std::string best;
    int best_count = 0, total = 0;
    for (const auto& full : it->second) {
      if (!keep(full)) continue;
      int n = full_counts_.at(full);
      total += n;
      if (n > best_count) best = full, best_count = n;
    }
    if (best.empty() || best_count * 2 <= total) return std::string(surname);
    return best;
  }

  std::map<std::string, int> surname_mentions_;
  std::map<std::string, std::string> roles_;
};

// "Von Der Leyen" (a label in title case) -> "von der Leyen": two or more
// particles before the last word are lower case, as merge_particles()
// writes them. One capitalised particle may be the spelling ("Van Hollen").
std::string lower_particles(const std::string& name) {
  auto words = text::split_words(name);
  std::size_t particles = 0;
  while (particles + 1 < words.size() && is_name_particle(text::ascii_lower(words[particles])))
    ++particles;
  if (particles < 2 || particles + 1 != words.size()) return name;
  std::string out;
  for (std::size_t k = 0; k < words.size(); ++k)
    out += (k ? " " : "") + (k < particles ? text::ascii_lower(words[k]) : std::string(words[k]));
  return out;
}

// "MS. PSAKI" -> "Psaki"; "THE PRESIDENT" -> role "President", no name.
struct LabelParts {
  std::string honorific;  // Title case: "Secretary", "President", "Ms."
  std::string name;       // Title case, may be empty.
};

LabelParts split_label(std::string_view label) {
  static const std::array<std::string_view, 36> kHonorifics = {
      "THE VICE PRESIDENT", "THE PRESIDENT", "THE FIRST LADY",
      "THE SECOND GENTLEMAN", "VICE PRESIDENT", "PRESIDENT-ELECT",
      "PRESIDENT", "DEPUTY PRIME MINISTER", "PRIME MINISTER", "DEPUTY FOREIGN MINISTER",
      "FOREIGN MINISTER", "MINISTER", "SPOKESPERSON", "SPOKESMAN", "SPOKESWOMAN",
      "CHANCELLOR", "SECRETARY-GENERAL", "SECRETARY GENERAL",
      "DEPUTY SECRETARY", "SECRETARY",
      "FIRST LADY", "SECOND GENTLEMAN", "AMBASSADOR", "ADMIRAL", "GENERAL",
      "SENATOR", "GOVERNOR", "MAYOR", "DIRECTOR",
      "ADMINISTRATOR", "MR.", "MRS.", "MS.", "DR.",
      "MR", "MS"};
  std::string l(label);
  for (auto h : kHonorifics) {
    if (l == h) return {title_case(h), {}};
    if (l.size() > h.size() && l.starts_with(h) && l[h.size()] == ' ') {
      // Drop role words left before the name ("DEPUTY NATIONAL SECURITY
      // ADVISOR FINER" -> "Finer").
      std::string rest = title_case(l.substr(h.size() + 1));
      auto words = text::split_words(rest);
      std::size_t k = 0;
      while (k + 1 < words.size() && is_role_word(words[k])) ++k;
      std::string name;
      for (; k < words.size(); ++k) name += (name.empty() ? "" : " ") + std::string(words[k]);
      return {title_case(h), name};
    }
  }
  return {{}, title_case(l)};
}

// A pull quote: "... on our behalf Ned PriceUS State Department
// Spokesperson", where a name runs into a role with no space.
std::optional<Attribution> pull_quote(const std::vector<Token>& tokens) {
  if (tokens.size() < 4 || tokens.size() > 60) return std::nullopt;
  for (std::size_t i = tokens.size() >= 8 ? tokens.size() - 8 : 1;
       i < tokens.size(); ++i) {
    const std::string& w = tokens[i].raw;
    // Find lower-case then upper-case inside one word.
    for (std::size_t k = 1; k + 1 < w.size(); ++k) {
      if (!(text::is_ascii_lower(w[k - 1]) && text::is_ascii_upper(w[k])))
        continue;
      std::string surname = w.substr(0, k);
      if (!is_name_word(surname)) break;
      // "McWilliams", "DeSantis", "MacArthur" are names, not a name run
      // into a role: the glued part must start a role ("US State
      // Department Spokesperson", "Spokesperson").
      std::size_t glued_end = k;
      while (glued_end < w.size() && text::is_ascii_alpha(w[glued_end]) &&
             (glued_end == k || text::is_ascii_lower(w[glued_end]) == text::is_ascii_lower(w[k + 1])))
        ++glued_end;
      std::string glued = w.substr(k, glued_end - k);
      bool acronym = glued.size() >= 2 && std::all_of(glued.begin(), glued.end(), [](char c) {
                       return text::is_ascii_upper(c);
                     });
      if (!acronym && !is_role_word(glued)) break;
      std::string given;
      if (i > 0 && is_name_word(tokens[i - 1].word)) given = tokens[i - 1].word;
      std::string role = w.substr(k);
      for (std::size_t r = i + 1; r < tokens.size(); ++r)
        role += " " + tokens[r].word;
      // The role must be short and titled, and the text must end there.
      if (text::count_words(role) > 7) return std::nullopt;
      Attribution a;
      a.name = given.empty() ? surname : given + " " + surname;
      a.role = role;
      a.method = AttributionMethod::kPullQuote;
      return a;
    }
  }
  return std::nullopt;
}

// "President Liz Shuler, AFL-CIO: “The AFL-CIO strongly supports ...”"
// (bold in the source): the quote collections of press releases ("What
// they are saying") name each speaker before a colon and the quote. The
// name is the run of name words ending the part before the first comma.
std::optional<std::string> quote_lead(std::string_view text) {
  std::size_t colon = text.find(": \xE2\x80\x9C");
  if (colon == std::string_view::npos) colon = text.find(":\xE2\x80\x9C");
  if (colon == std::string_view::npos || colon > 200) return std::nullopt;
  std::string_view lead = text.substr(0, colon);
  if (text::count_words(lead) > 20 || lead.find(". ") != std::string_view::npos)
    return std::nullopt;
  std::string_view who = lead.substr(0, lead.find(','));
  // "Take It Down Act Advocate, Francesca Mani, said:", "Senator Ted
  // Cruz, commented:": the name is the part before the speech verb.
  // ("Advocate Elliston Berry said:" is left to the reporting patterns.)
  std::vector<std::string_view> lead_words = text::split_words(lead);
  if (!lead_words.empty() && is_speech_verb(lead_words.back())) {
    std::string_view rest = text::trim(lead.substr(0, lead.rfind(lead_words.back())));
    if (!rest.ends_with(',')) return std::nullopt;
    rest = text::trim(rest.substr(0, rest.size() - 1));
    std::size_t comma = rest.rfind(',');
    who = comma == std::string_view::npos ? rest : rest.substr(comma + 1);
  }
  std::vector<std::string_view> words = text::split_words(who);
  std::size_t first = words.size();
  while (first > 0 && (is_name_word(words[first - 1]) || is_initial(words[first - 1]))) --first;
  std::size_t count = words.size() - first;
  if (count < 2 || count > 4 || is_initial(words[first])) return std::nullopt;
  std::string name;
  for (std::size_t k = first; k < words.size(); ++k) {
    if (is_initial(words[k])) continue;
    if (!name.empty()) name += ' ';
    name += words[k];
  }
  return name;
}

// "Jr." and "Sr." after a name ("Joseph R. Biden, Jr.").
bool is_name_suffix(std::string_view w) { return w == "Jr." || w == "Jr" || w == "Sr."; }

// The office a lower-case role phrase ends in when it names a spouse's
// office ("the u.s. first lady" -> "First Lady"), else "".
std::string_view spouse_office(std::string_view phrase) {
  if (phrase.ends_with("first lady")) return "First Lady";
  if (phrase.ends_with("second gentleman")) return "Second Gentleman";
  return {};
}

// True if `s` has a lower-case ASCII letter: text in capitals only is a
// header or a signature ("MEMORANDUM FOR ...", "JOSEPH R. BIDEN JR.").
bool has_lower_case(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return text::is_ascii_lower(c); });
}

// "1. ...", "- ...", "• ...": a list item.
bool starts_list_item(std::string_view text) {
  if (text.starts_with("- ") || text.starts_with("* ") || text.starts_with("\xE2\x80\xA2"))
    return true;
  std::size_t digits = 0;
  while (digits < text.size() && digits < 3 && text::is_ascii_digit(text[digits])) ++digits;
  return digits > 0 && digits + 1 < text.size() &&
         (text[digits] == '.' || text[digits] == ')') && text[digits + 1] == ' ';
}

class Attributor {
 public:
  Attributor(const Article& article, const std::vector<Passage>& passages,
             const AliasTable* aliases)
      : article_(article), passages_(passages), aliases_(aliases) {
    std::vector<Token> title = tokenize(article.title);
    std::vector<std::vector<Token>> texts;
    texts.reserve(passages.size());
    for (const auto& p : passages) texts.push_back(tokenize(p.text));
    people_.note_lower_words(title);
    for (const auto& t : texts) people_.note_lower_words(t);
    people_.scan(title, /*title_case=*/true);
    if (!article.preamble.empty()) people_.scan(tokenize(article.preamble));
    for (const auto& t : texts) people_.scan(t);
    for (const auto& name : article.declared_speakers) people_.add_full(name, "");
  }

  std::vector<std::string> people() const { return people_.full_names(); }

  std::vector<std::vector<Attribution>> run() {
    std::vector<std::vector<Attribution>> result(passages_.size());
    std::vector<std::string> authors = title_authors();
    bool has_turns = std::any_of(passages_.begin(), passages_.end(),
                                 [](const Passage& p) { return !p.turn_label.empty(); });
    // Country lists first: "We, the leaders of ..., the Cook Islands,
    // Viet Nam" names no person.
    if (authors.empty() && !has_turns) authors = country_list_authors();
    if (authors.empty() && !has_turns) authors = we_list_authors();
    if (authors.empty() && !has_turns) authors = signature_authors();
    std::string moderator = has_turns ? moderator_name() : std::string();
    std::vector<Attribution> list_speakers;  // Of the list being read.
    // Authors a heading in the body named for the section under it; they
    // replace the title's until a heading that is not a sentence.
    // A section that opens with a quotation mark is a quoted statement
    // and ends where the quotation does.
    std::vector<std::string> section;
    std::size_t section_start = 0;
    bool section_quoted = false;
    for (std::size_t i = 0; i < passages_.size(); ++i) {
      const Passage& p = passages_[i];
      bool names_section = false;  // The heading itself is not their words.
      bool heading = false;
      if (!has_turns) {
        std::vector<std::string> named = section_authors(p.text, heading);
        names_section = !named.empty();
        if (names_section) {
          section = std::move(named);
          section_start = i + 1;
        } else if (heading) {
          section.clear();
        }
        std::string_view t = text::trim(p.text);
        if (!section.empty() && i == section_start)
          section_quoted = t.starts_with("\u201C") || t.starts_with("\"");
        // A paragraph that opens with someone's full name starts their
        // biography ("Lisa Cook for Governor Lisa D. Cook took office ...").
        if (!section.empty() && i > section_start && !section_quoted) {
          std::vector<Token> words = tokenize(t.substr(0, std::min<std::size_t>(t.size(), 80)));
          if (words.size() >= 2 && people_.knows_full(words[0].word + " " + words[1].word))
            section.clear();
        }
      }
      const std::vector<std::string> writers = section.empty() ? authors : section;
      if (section_quoted && !section.empty() && i >= section_start) {
        std::string_view t = text::trim(p.text);
        if (t.ends_with("\u201D") || t.ends_with("\"")) section.clear();  // After this one.
      }
      if (!p.turn_label.empty()) {
        if (auto a = from_label(p.turn_label)) {
          if (p.turn_label == "MODERATOR" && !moderator.empty()) a->name = moderator;
          result[i].push_back(*a);
        } else if (p.turn_label == "A" && article_.declared_speakers.size() == 1) {
          // An interview record's answers are its declared speaker's.
          result[i].push_back({article_.declared_speakers[0], "", AttributionMethod::kDeclared});
        }
      } else {
        result[i] = from_patterns(p.text, i == 0 ? nullptr : &result[i - 1],
                                  i >= 2 ? &result[i - 2] : nullptr,
                                  i == 0 ? nullptr : &passages_[i - 1].text);
        // "The President highlighted several examples:" and the list
        // that follows: each item is what he highlighted.
        bool item = starts_list_item(p.text);
        if (!item) list_speakers.clear();
        if (item && i > 0 && passages_[i - 1].text.ends_with(':') && !result[i - 1].empty()) {
          list_speakers.clear();
          for (const auto& a : result[i - 1])
            if (a.method != AttributionMethod::kAuthor)
              list_speakers.push_back({a.name, a.role, AttributionMethod::kCarryOver});
        }
        if (item && result[i].empty()) result[i] = list_speakers;
        // Headers and sign-offs in capitals ("MEMORANDUM FOR THE HEADS OF
        // EXECUTIVE DEPARTMENTS", "JOSEPH R. BIDEN JR.") and memo fields
        // ("SUBJECT: ...") are not the authors' statement.
        // A heading in the body is not a statement either, but a
        // letter's salutation ("Dear Madam Speaker:") is the writer's.
        bool header = !has_lower_case(p.text) || p.text.starts_with("SUBJECT:") ||
                      p.text.starts_with("MEMORANDUM FOR") ||
                      (heading && !p.text.starts_with("Dear "));
        if (!has_turns && !writers.empty() && !header && !names_section) {
          // Every paragraph of a statement is its authors'; people it
          // reports speaking follow them.
          std::vector<Attribution> with_authors;
          for (const auto& author : writers)
            with_authors.push_back({author, author_role(author), AttributionMethod::kAuthor});
          for (auto& a : result[i])
            if (std::none_of(writers.begin(), writers.end(),
                             [&](const std::string& n) { return n == a.name; }))
              with_authors.push_back(std::move(a));
          result[i] = std::move(with_authors);
        }
        if (result[i].empty() && article_.declared_speakers.size() == 1) {
          result[i].push_back({article_.declared_speakers[0], "",
                               AttributionMethod::kDeclared});
        }
      }
    }
    return result;
  }

 private:
  // The people a statement or speech title names as its authors: one for
  // "Statement from President Joe Biden on ...", several for "Joint
  // Statement by President Joe Biden and Taoiseach Micheál Martin", none
  // for "Statement from X and Y" that is not called joint.
  std::vector<std::string> title_authors() const { return heading_authors(article_.title); }

  // The authors a heading in the body names for what follows it
  // ("**Statement from National Security Advisor Jake Sullivan:**",
  // "*Cover Message from Vice President Kamala Harris*", "**Remarks by
  // First Lady Melania Trump (as prepared for delivery)**"; the passage
  // text has lost the emphasis): a paragraph of at most 20 words that is
  // not a sentence. Empty for any other paragraph; `heading` says whether
  // it was a heading at all.
  std::vector<std::string> section_authors(std::string_view text, bool& heading) const {
    std::string_view t = text::trim(text);
    heading = !t.empty() && text::count_words(t) <= 20 &&
              std::string_view(".!?\"'").find(t.back()) == std::string_view::npos &&
              !t.ends_with("\u201D") && !t.ends_with("\u2019");
    if (!heading) return {};
    if (t.back() == ':') t.remove_suffix(1);
    if (t.ends_with(')')) {
      if (std::size_t open = t.rfind('('); open != std::string_view::npos)
        t = text::trim(t.substr(0, open));
    }
    // Full names only: "Statement of Law School Deans" is not by a Law.
    std::vector<std::string> authors = heading_authors(t);
    if (std::any_of(authors.begin(), authors.end(),
                    [](const std::string& a) { return a.find(' ') == std::string::npos; }))
      return {};
    return authors;
  }

  std::vector<std::string> heading_authors(std::string_view t) const {
    // A series label before the title proper: "America 250: Presidential
    // Message on ...".
    if (std::size_t colon = t.find(": "); colon != std::string_view::npos && colon < 40 &&
                                          text::count_words(t.substr(0, colon)) <= 4)
      t.remove_prefix(colon + 2);
    std::string_view rest;
    bool joint = false;
    bool several = false;  // Authors joined by "and" all wrote it.
    // Messages and proclamations come from the President of the day.
    for (std::string_view lead : {"Presidential Message", "Message from the President",
                                  "A Proclamation on", "A Proclamation to",
                                  "Presidential Proclamation"}) {
      if (text::starts_with_ci(t, lead)) {
        std::string who = office_holder("President");
        if (who.empty()) return {};
        return {who};
      }
    }
    for (std::string_view lead : {"Joint Statement by ", "Joint Statement from ",
                                  "Statement from ", "Statement by ", "Statement of ",
                                  "Remarks by ", "Remarks of ", "Op-Ed by ", "Letter from ",
                                  "Message from ", "Cover Message from ",
                                  "Remarks as Prepared for Delivery by ",
                                  "Prepared Remarks by ", "Prepared Remarks of "}) {
      if (text::starts_with_ci(t, lead)) {
        rest = t.substr(lead.size());
        joint = lead.starts_with("Joint");
        // "Statement of President Joe Biden and First Lady Jill Biden":
        // both wrote it. Remarks by two people are theirs turn by turn.
        several = joint || lead.starts_with("Statement");
        break;
      }
    }
    if (rest.empty()) return {};
    // Titles are in title case, so a capitalised word after the name
    // ("Remarks by President Biden Announcing ...") is not part of it; see
    // name_at().
    std::vector<Token> tokens = tokenize(rest);
    std::vector<std::string> authors;
    std::size_t i = 0;
    for (;;) {
      bool had_role = false;
      std::string office;  // "Vice President", from "the Vice President".
      while (i < tokens.size() && !is_name_word(tokens[i].word)) {
        // "Senior Advisor and Chief Spokesperson X", "Deputy Press
        // Secretary to the Vice President X": one role.
        bool inside_role = had_role &&
                           ((tokens[i].word == "and" && !joint) || tokens[i].word == "to") &&
                           i + 1 < tokens.size() &&
                           (is_role_word(tokens[i + 1].word) || tokens[i + 1].word == "the");
        // "First Lady Jill Biden", "Second Gentleman Doug Emhoff".
        bool spouse_title =
            ((tokens[i].word == "First" || tokens[i].word == "Second") && i + 1 < tokens.size() &&
             (tokens[i + 1].word == "Lady" || tokens[i + 1].word == "Gentleman")) ||
            ((tokens[i].word == "Lady" || tokens[i].word == "Gentleman") && i > 0 &&
             (tokens[i - 1].word == "First" || tokens[i - 1].word == "Second"));
        if (!inside_role && !spouse_title && !is_role_word(tokens[i].word) &&
            tokens[i].word != "the" && tokens[i].word != "Press") {
          // "Statement by the President on ...": the office holder.
          std::string who = had_role ? office_holder(office) : std::string();
          if (who.empty()) return {};
          authors.push_back(who);
          if (tokens[i].word == "and" && joint) {
            ++i;
            office.clear();
            had_role = false;
            continue;
          }
          return authors;
        }
        if (tokens[i].word != "the" && tokens[i].word != "of") had_role = true;
        if (tokens[i].word != "the" || !office.empty())
          office += (office.empty() ? "" : " ") + tokens[i].word;
        ++i;
      }
      std::string name = had_role ? holder_named(office, tokens, i) : std::string();
      if (name.empty()) name = name_at(tokens, i);
      if (name.empty() && i == tokens.size() && had_role) {
        std::string who = office_holder(office);  // "Statement by the President"
        if (!who.empty()) authors.push_back(who);
        return authors;
      }
      if (name.empty()) return {};
      // A lone word is a name only after a role ("President Biden") or
      // when the text uses it as a surname ("Statement of the Leaders" is
      // not by a Mr. Leaders).
      if (name.find(' ') == std::string::npos && !had_role && !people_.knows_surname(name))
        return {};
      authors.push_back(name);
      std::size_t end = i;
      while (end < tokens.size() && (is_name_word(tokens[end].word) || is_initial(tokens[end].word)) &&
             (end == i || !tokens[end - 1].ends_clause))
        ++end;
      if (end < tokens.size() && (tokens[end].word == "Jr" || tokens[end].word == "Jr."))
        ++end;
      if (end < tokens.size() && (tokens[end].word == "and" || tokens[end].word == "&")) {
        if (!several) return {};
        i = end + 1;
        continue;
      }
      return authors;
    }
  }

  // The person named from tokens[i] on, in text that may be title case:
  // a two-word name counts when a lower-case word, a comma or the end
  // follows it, or when the article names the person so elsewhere;
  // otherwise the first word is taken as a surname.
  // `role`: the office the mention follows ("President Biden"), which a
  // surname alone is resolved by (PeopleTable::resolve_surname_for_role).
  std::string name_at(const std::vector<Token>& tokens, std::size_t i,
                      std::string_view role = {}) const {
    if (i >= tokens.size() || !is_name_word(tokens[i].word)) return {};
    // Given name, an optional middle initial, surname.
    std::vector<std::size_t> parts{i};
    std::size_t n = i + 1;
    if (n + 1 < tokens.size() && is_initial(tokens[n].word) && is_name_word(tokens[n + 1].word) &&
        !tokens[i].ends_clause)
      ++n;
    while (n < tokens.size() && parts.size() < 3 && is_name_word(tokens[n].word) &&
           !tokens[n - 1].ends_clause && !tokens[n - 1].ends_sentence) {
      parts.push_back(n);
      ++n;
    }
    // "Taoiseach Micheál Martin": an unlisted title before a known name.
    if (parts.size() == 3) {
      std::string last_two = tokens[parts[1]].word + " " + tokens[parts[2]].word;
      if (people_.knows_full(last_two) && !people_.knows_full(tokens[parts[0]].word + " " +
                                                              tokens[parts[1]].word))
        return last_two;
    }
    if (parts.size() >= 2) {
      std::string full = tokens[parts[0]].word + " " + tokens[parts[1]].word;
      n = parts.size() == 2 ? n : parts[1] + 1;
      bool closed = parts.size() == 2 &&
                    (n == tokens.size() || !is_name_word(tokens[n].word) ||
                     tokens[parts[1]].ends_clause || tokens[parts[1]].ends_sentence);
      // In a title every word is capitalised: "President Biden Honoring
      // the Dodgers" names Biden, not "Biden Honoring".
      bool verb = tokens[parts[1]].word.ends_with("ing") && !people_.knows_full(full);
      if ((closed && !verb) || people_.knows_full(full)) return full;
    }
    return role.empty() ? people_.resolve_surname(tokens[i].word)
                        : people_.resolve_surname_for_role(tokens[i].word, role);
  }

  std::optional<Attribution> from_label(const std::string& label) {
    // "A:" answers without naming who: nobody from the label itself.
    if (is_press_label(label) || label == "A") return std::nullopt;
    LabelParts parts = split_label(label);
    Attribution a;
    a.method = AttributionMethod::kLabel;
    a.role = parts.honorific;
    if (!parts.name.empty()) {
      // "PRESIDENT ZELENSKYY", "MS. JEAN-PIERRE", "SENIOR ADMINISTRATION
      // OFFICIAL", "PRESIDENT VON DER LEYEN" (a surname with particles).
      std::string name = lower_particles(parts.name);
      // An office ("Secretary"), not a courtesy title ("Ms.") or none.
      bool courtesy = a.role == "Mr." || a.role == "Mrs." || a.role == "Ms." ||
                      a.role == "Dr." || a.role == "Mr" || a.role == "Ms";
      bool office = !a.role.empty() && !courtesy;
      if (text::count_words(name) == 1 || last_word(name) == name) {
        // The title's "First Lady Jill Biden" for FIRST LADY BIDEN.
        std::string titled = office ? person_after_role(article_.title, a.role) : std::string();
        if (!titled.empty() && titled != name && last_word(titled) == name) name = titled;
        else name = office ? people_.resolve_surname_for_role(name, a.role)
                           : people_.resolve_surname(name);
      }
      if (!office) a.role = people_.role_of(name);
      a.name = name;
      return a;
    }
    // "THE PRESIDENT": the person the title (or else the text) names with
    // that role.
    std::string role = parts.honorific;
    if (role.starts_with("The ")) role = role.substr(4);
    std::string who = person_after_role(article_.title, role);
    if (who.empty()) {
      for (const auto& p : passages_) {
        who = person_after_role(p.text, role);
        if (!who.empty()) break;
      }
    }
    if (who.empty()) who = office_holder(role);
    a.role = role;
    a.name = who.empty() ? parts.honorific : who;
    return a;
  }

  // "Remarks by President Biden" -> "Joe Biden" (when the article names
  // him in full) for role "President".
  std::string person_after_role(std::string_view s,
                                const std::string& role) const {
    std::vector<Token> tokens = tokenize(s);
    std::vector<std::string> role_words;
    for (auto w : text::split_words(role)) role_words.emplace_back(w);
    for (std::size_t i = 0; i + role_words.size() < tokens.size(); ++i) {
      bool match = true;
      for (std::size_t k = 0; k < role_words.size(); ++k)
        if (tokens[i + k].word != role_words[k]) match = false;
      if (!match) continue;
      // "Vice President" is not "President".
      if (role == "President" && i > 0 && tokens[i - 1].word == "Vice")
        continue;
      std::string who = holder_named(role, tokens, i + role_words.size());
      if (who.empty()) who = name_at(tokens, i + role_words.size(), role);
      if (!who.empty()) return who;
    }
    return {};
  }

  // Resolves a person mention starting at tokens[i]; returns the name and
  // sets `length` to the number of tokens used. Empty when tokens[i] does
  // not start a mention of a person.
  std::string mention_at(const std::vector<Token>& tokens, std::size_t i,
                         std::size_t& length) const {
    length = 0;
    // Skip "the", role words, and honorifics: "the State Department
    // Spokesperson Ned Price", "Mr. Price".
    std::size_t j = i;
    while (j < tokens.size() && j - i < 10 &&
           (is_role_word(tokens[j].word) || tokens[j].word == "Mr." ||
            tokens[j].word == "Ms." || tokens[j].word == "Mrs." ||
            tokens[j].word == "Dr." || tokens[j].word == "spokesman" ||
            tokens[j].word == "The" || tokens[j].word == "the" ||
            tokens[j].word == "representative" || tokens[j].word == "official") &&
           !tokens[j].ends_clause && !tokens[j].ends_sentence)
      ++j;
    if (j < tokens.size() && is_name_word(tokens[j].word)) {
      std::vector<std::string> name{tokens[j].word};
      std::size_t k = j;
      while (k + 1 < tokens.size() && name.size() < 3 &&
             !tokens[k].ends_clause && !tokens[k].ends_sentence) {
        // A middle initial: "Joseph R. Biden".
        if (k + 2 < tokens.size() && is_initial(tokens[k + 1].word) &&
            is_name_word(tokens[k + 2].word) && !tokens[k + 1].ends_clause) {
          k += 2;
          name.push_back(tokens[k].word);
          continue;
        }
        if (!is_name_word(tokens[k + 1].word)) break;
        ++k;
        name.push_back(tokens[k].word);
      }
      length = k - i + 1;
      if (name.size() == 3) {
        std::string all = name[0] + " " + name[1] + " " + name[2];
        if (people_.knows_full(all)) return all;
      }
      if (name.size() >= 2) {
        std::string full = name[name.size() - 2] + " " + name.back();
        if (people_.is_person(full)) return full;
        length = 0;
        return {};
      }
      // "in Florida", "of Maryland": a bare word after a preposition is a
      // place, not a person's surname.
      bool after_preposition = j == i && i > 0 &&
                               (tokens[i - 1].word == "in" || tokens[i - 1].word == "of" ||
                                tokens[i - 1].word == "from" || tokens[i - 1].word == "across");
      if (after_preposition) {
        length = 0;
        return {};
      }
      if (people_.knows_surname(name[0])) return people_.resolve_surname(name[0]);
      // "the Governor of Texas": a word after "of" is the place of the
      // title, not a surname.
      if (j > i && tokens[j - 1].word == "of") {
        length = 0;
        return {};
      }
      // "President Biden", "Mr. Finer": a title makes a lone word a
      // surname even when the article never gives the full name (the
      // index joins it to the person the corpus names in full).
      for (std::size_t t = i; t < j; ++t)
        if (is_title_noun(tokens[t].word) && !tokens[j].in_quote) return name[0];
      length = 0;
      return {};
    }
    return {};
  }

  // A role noun phrase at tokens[i] ("the spokesman", "the Secretary of
  // State"): the person bound to that role, or empty.
  std::string role_reference_at(const std::vector<Token>& tokens,
                                std::size_t i, std::size_t& length) const {
    length = 0;
    if (i >= tokens.size()) return {};
    std::string first = text::ascii_lower(tokens[i].word);
    if (first != "the") return {};
    std::size_t j = i + 1;
    std::string noun;
    std::string phrase;
    while (j < tokens.size() && j - i <= 6) {
      std::string w = text::ascii_lower(tokens[j].word);
      if (is_role_noun(w)) noun = w;
      if (!phrase.empty()) phrase += ' ';
      phrase += w;
      bool stop = tokens[j].ends_clause || tokens[j].ends_sentence;
      ++j;
      if (noun.empty() && !spouse_office(phrase).empty()) break;
      if (stop) break;
      if (!noun.empty() && j < tokens.size() &&
          (tokens[j].word != "of" && !is_role_word(tokens[j].word)))
        break;
    }
    // "the First Lady", "the U.S. First Lady": the office's holder.
    if (std::string_view office = spouse_office(phrase); noun.empty() && !office.empty()) {
      length = j - i;
      std::string who = office_holder(office);
      return who.empty() ? std::string("?") : who;
    }
    if (noun.empty()) return {};
    length = j - i;
    std::string who = people_.person_with_role(phrase);
    if (who.empty()) who = people_.person_with_role(noun);
    // "The President" of a White House statement: whoever held the office
    // that day, when the article names no one with that role.
    if (who.empty()) who = office_holder(phrase);
    return who.empty() ? std::string("?") : who;  // "?" = carry over.
  }

  // Where the subject of a verb at tokens[s] ends, past what news
  // writing puts between the two: a time ("Sergei Lavrov on Thursday
  // said", "on March 3") and an apposition set off by commas ("Sergei
  // Lavrov, the Russian foreign minister, said"; "Lavrov, speaking in New
  // Delhi, said"). Returns `s` when there is neither.
  static std::size_t before_time_and_apposition(const std::vector<Token>& tokens,
                                                std::size_t s) {
    static const std::set<std::string, std::less<>> kDays = {
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
    static const std::set<std::string, std::less<>> kMonths = {
        "January", "February", "March", "April",  "May",   "June",  "July", "August",
        "September", "October", "November", "December", "Jan.", "Feb.", "Aug.",
        "Sept.", "Oct.", "Nov.", "Dec."};
    auto plain = [&](std::size_t k) {
      return !tokens[k].ends_clause && !tokens[k].ends_sentence && !tokens[k].in_quote;
    };
    // "on Thursday", "on March 3".
    if (s >= 2 && kDays.count(tokens[s - 1].word) && tokens[s - 2].word == "on" &&
        plain(s - 1) && plain(s - 2))
      return s - 2;
    if (s >= 3 && kMonths.count(tokens[s - 2].word) && !tokens[s - 1].word.empty() &&
        text::is_ascii_digit(tokens[s - 1].word[0]) && tokens[s - 3].word == "on" &&
        plain(s - 1) && plain(s - 2) && plain(s - 3))
      return s - 3;
    // ", the Russian foreign minister," / ", speaking in New Delhi,":
    // at most eight words between a comma after the name and one before
    // the verb.
    if (s >= 3 && tokens[s - 1].ends_clause && !tokens[s - 1].ends_sentence) {
      for (std::size_t k = s - 1; k > 0 && s - k <= 8; --k) {
        if (tokens[k - 1].ends_sentence || tokens[k].in_quote) break;
        if (!tokens[k - 1].ends_clause) continue;
        // A role ("the Russian Foreign Ministry spokeswoman", "a senior
        // adviser"), not any noun phrase ("an impact investment firm").
        const std::string& first = tokens[k].word;
        bool role = false;
        for (std::size_t r = k; r < s; ++r)
          role = role || is_role_noun(text::ascii_lower(tokens[r].word)) ||
                 is_title_noun(tokens[r].word);
        bool apposition = ((first == "the" || first == "a" || first == "an") && role) ||
                          (first.size() > 4 && first.ends_with("ing"));
        return apposition ? k : s;
      }
    }
    return s;
  }

  // The people a text names outside quotations, each once, in order.
  std::vector<std::string> people_named(const std::string& text) const {
    std::vector<Token> tokens = tokenize(text);
    std::vector<std::string> named;
    for (std::size_t k = 0; k < tokens.size(); ++k) {
      if (tokens[k].in_quote) continue;
      std::size_t len = 0;
      std::string who = mention_at(tokens, k, len);
      if (who.empty()) continue;
      if (std::find(named.begin(), named.end(), who) == named.end()) named.push_back(who);
      k += len - 1;
    }
    return named;
  }

  std::vector<Attribution> from_patterns(
      const std::string& passage_text, const std::vector<Attribution>* prev,
      const std::vector<Attribution>* prev2, const std::string* prev_text) {
    std::vector<Token> tokens = tokenize(passage_text);
    std::vector<Attribution> found;
    auto add = [&](std::string name, AttributionMethod method) {
      if (name.empty()) return;
      for (const auto& a : found)
        if (a.name == name) return;
      found.push_back({name, people_.role_of(name), method});
    };
    auto carried = [&]() -> std::string {
      if (!found.empty()) return found.back().name;
      if (prev && !prev->empty()) return prev->front().name;
      if (prev && prev->empty() && prev2 && !prev2->empty()) {
        // The paragraph in between names someone else ("Russian Foreign
        // Minister Sergei Lavrov on Thursday accused the West"): "he"
        // is that person when there is one, else nobody for sure.
        if (prev_text) {
          std::vector<std::string> named = people_named(*prev_text);
          if (named.size() == 1) return named.front();
          if (named.size() > 1) return {};
        }
        return prev2->front().name;
      }
      return {};
    };
    // Who a sentence-initial "He"/"She" was resolved to, by sentence: a
    // pronoun chain ("He condemned ... Tel Aviv. He conveyed ...") keeps
    // its referent instead of the last name-like words.
    std::map<int, std::string> pronoun_subjects;
    // The subject of the current or previous sentence, for pronouns.
    auto subject_before = [&](std::size_t pos) -> std::string {
      int sentence = tokens[pos].sentence;
      for (int s = sentence; s >= std::max(0, sentence - 1); --s) {
        if (auto it = pronoun_subjects.find(s); it != pronoun_subjects.end() && s < sentence)
          return it->second;
        for (std::size_t k = 0; k < pos; ++k) {
          if (tokens[k].sentence != s || tokens[k].in_quote) continue;
          std::size_t len;
          std::string who = mention_at(tokens, k, len);
          if (!who.empty()) return who;
          // "the Vice President conveyed ... She emphasized".
          who = role_reference_at(tokens, k, len);
          if (!who.empty() && who != "?") return who;
        }
      }
      return {};
    };

    for (std::size_t k = 0; k < tokens.size(); ++k) {
      bool starts_sentence = k == 0 || tokens[k - 1].sentence != tokens[k].sentence;
      std::string lower = text::ascii_lower(tokens[k].word);
      if (!starts_sentence || tokens[k].in_quote || (lower != "he" && lower != "she")) continue;
      std::string who = subject_before(k);
      if (who.empty()) who = carried();
      if (!who.empty()) pronoun_subjects[tokens[k].sentence] = who;
    }

    if (auto lead = quote_lead(passage_text)) {
      found.push_back({*lead, people_.role_of(*lead), AttributionMethod::kPullQuote});
      return found;
    }
    // The rest of such a quote, in the next paragraph.
    if ((passage_text.starts_with("\xE2\x80\x9C") || passage_text.starts_with("\"")) && prev &&
        prev->size() == 1 && prev->front().method == AttributionMethod::kPullQuote &&
        text::count_words(passage_text) > 3) {
      bool attributed_here = false;
      for (const auto& t : tokens)
        if (is_speech_verb(t.word)) attributed_here = true;
      if (!attributed_here) {
        found.push_back({prev->front().name, prev->front().role, AttributionMethod::kCarryOver});
        return found;
      }
    }
    if (auto pq = pull_quote(tokens)) {
      std::string name = pq->name;
      if (text::count_words(name) == 1) name = people_.resolve_surname(name);
      found.push_back({name, pq->role, AttributionMethod::kPullQuote});
      return found;
    }

    for (std::size_t v = 0; v < tokens.size(); ++v) {
      const std::string& w = tokens[v].word;
      // "according to X"
      if ((w == "according" || w == "According") && v + 2 < tokens.size() &&
          tokens[v + 1].word == "to") {
        std::size_t len;
        std::string who = mention_at(tokens, v + 2, len);
        if (who.empty()) {
          who = role_reference_at(tokens, v + 2, len);
          if (who == "?") who = carried();
          add(who, AttributionMethod::kCarryOver);
        } else {
          add(who, AttributionMethod::kQuotePattern);
        }
        continue;
      }
      // "was stated by X", "his words are quoted by X" (X is the outlet
      // there, so "quoted by" credits the possessor instead).
      if (w == "by" && v >= 1 && is_passive_speech_verb(tokens[v - 1].word)) {
        if (tokens[v - 1].word == "quoted") {
          // "his words are quoted by": the speaker is "his".
          if (v >= 4 && (tokens[v - 4].word == "his" || tokens[v - 4].word == "her" ||
                         tokens[v - 4].word == "His" || tokens[v - 4].word == "Her"))
            add(subject_before(v - 4).empty() ? carried() : subject_before(v - 4),
                AttributionMethod::kCarryOver);
          continue;
        }
        std::size_t len;
        std::string who = mention_at(tokens, v + 1, len);
        add(who, AttributionMethod::kQuotePattern);
        continue;
      }
      bool went_on = (w == "went" && v + 3 < tokens.size() &&
                      tokens[v + 1].word == "on" && tokens[v + 2].word == "to" &&
                      (tokens[v + 3].word == "add" || tokens[v + 3].word == "say" ||
                       tokens[v + 3].word == "note" || tokens[v + 3].word == "stress"));
      // "The President spoke to how ...": content, unlike "spoke with".
      bool spoke_to_how = (w == "spoke" || w == "speaks") && v + 2 < tokens.size() &&
                          tokens[v + 1].word == "to" && tokens[v + 2].word == "how";
      // "called on Congress to", "is calling for": a demand, with content.
      bool calls_on = (w == "called" || w == "calls" || w == "calling") &&
                      v + 1 < tokens.size() &&
                      (tokens[v + 1].word == "on" || tokens[v + 1].word == "for");
      // "has been clear that": a stance. ("made clear" is not taken: its
      // subject is as often a thing, "the second World War made clear".)
      bool clear_stance = w == "clear" && v > 0 && tokens[v - 1].word == "been";
      if (!is_speech_verb(w) && !went_on && !spoke_to_how && !calls_on && !clear_stance) continue;
      // "directed the agencies to", "directed that": an instruction; "She
      // directed the food assistance team" is a job.
      if (w == "directed") {
        bool instruction = false;
        for (std::size_t k = v + 1; k < tokens.size() && k <= v + 8; ++k) {
          if (tokens[k].sentence != tokens[v].sentence) break;
          if (tokens[k].word == "to" || tokens[k].word == "that") instruction = true;
        }
        if (!instruction) continue;
      }
      // After a possessive the word is an adjective: "Costa Rica’s
      // continued cooperation", "the President’s stated goal".
      if (v > 0 && (tokens[v - 1].raw.ends_with("\xE2\x80\x99s") ||
                    tokens[v - 1].raw.ends_with("'s")))
        continue;
      // Subject before the verb: "Price said", "He also emphasized",
      // "Sergei Ryabkov said", "the diplomat said".
      std::size_t s = v;
      while (s > 0 && v - s < 3 && is_adverb(tokens[s - 1].word) &&
             !tokens[s - 1].ends_clause && !tokens[s - 1].ends_sentence)
        --s;
      s = before_time_and_apposition(tokens, s);
      bool matched = false;
      // "The two leaders agreed", "Both leaders reaffirmed", "The Presidents
      // committed": the two people the readout is about.
      if (s >= 2) {
        std::string group = text::ascii_lower(tokens[s - 1].word);
        std::string before = text::ascii_lower(tokens[s - 2].word);
        bool plural = group == "leaders" || group == "presidents" || group == "ministers";
        bool determiner = before == "both" || before == "two" || before == "the" ||
                          (before == "prime" && s >= 3 &&
                           (text::ascii_lower(tokens[s - 3].word) == "the" ||
                            text::ascii_lower(tokens[s - 3].word) == "two"));
        if (plural && determiner && !tokens[s - 2].ends_clause && principals().size() == 2) {
          for (const auto& who : principals()) add(who, AttributionMethod::kQuotePattern);
          matched = true;
        }
      }
      {
        // Joint subjects: "The President and the Taoiseach affirmed",
        // "Ned Price and Sergei Lavrov said". Both sides must resolve
        // to people; an unresolved role is not carried over here.
        std::size_t person_start = 0;
        // The longest mention that ends at `end` (role words included).
        auto person_ending_at = [&](std::size_t end, std::size_t max_back) {
          for (std::size_t back = std::min(max_back, end); back >= 1; --back) {
            std::size_t start = end - back, len = 0;
            std::string who = mention_at(tokens, start, len);
            if (who.empty()) who = role_reference_at(tokens, start, len);
            if (!who.empty() && who != "?" && start + len == end) {
              person_start = start;
              return who;
            }
          }
          return std::string();
        };
        for (std::size_t k = s >= 2 ? s - 2 : 0; k + 6 >= s && k > 0; --k) {
          if (tokens[k].word != "and") continue;
          std::string right = person_ending_at(s, s - k - 1);
          // "..., and industry leaders committed": a group ends the list;
          // the people named before it still spoke.
          bool group = right.empty() && s - k - 1 <= 3 && s - k - 1 >= 1 &&
                       tokens[s - 1].word.size() > 3 && tokens[s - 1].word.ends_with('s') &&
                       !tokens[s - 1].ends_clause;  // A plural noun: "leaders", "officials".
          for (std::size_t g = k + 1; group && g < s; ++g)
            if (tokens[g].word.empty() || !text::is_ascii_lower(tokens[g].word[0]) ||
                tokens[g].word.ends_with("ed"))
              group = false;
          bool list_before = k > 0 && tokens[k - 1].ends_clause;
          std::string left = right.empty() && !(group && list_before) ? std::string()
                                                                      : person_ending_at(k, 6);
          if (!left.empty() && left != right) {
            // A list: "Chief of Staff Jeff Zients, Secretary Gina Raimondo,
            // and Secretary Jennifer Granholm highlighted".
            std::vector<std::string> subjects{left};
            if (!right.empty()) subjects.push_back(right);
            for (;;) {
              // Back over the rest of this item's role ("Senior Advisor to
              // the President for International Climate ...") to the comma
              // that ends the item before.
              std::size_t c = person_start;
              while (c > 0 && person_start - c < 10 && !tokens[c - 1].ends_clause) {
                const std::string& w = tokens[c - 1].word;
                bool role_part = (!w.empty() && !text::is_ascii_lower(w[0])) || w == "to" ||
                                 w == "the" || w == "for" || w == "of";
                if (!role_part) break;
                --c;
              }
              if (c == 0 || !tokens[c - 1].ends_clause) break;
              std::string more = person_ending_at(c, 9);
              if (more.empty()) break;
              subjects.insert(subjects.begin(), more);
            }
            for (const auto& who : subjects) add(who, AttributionMethod::kQuotePattern);
            matched = true;
          }
          break;
        }
      }
      if (!matched && s > 0 && !tokens[s - 1].ends_sentence) {
        std::string subj = tokens[s - 1].word;
        std::string lower = text::ascii_lower(subj);
        if (lower == "he" || lower == "she") {
          auto known = pronoun_subjects.find(tokens[s - 1].sentence);
          bool starts_sentence = s - 1 == 0 || tokens[s - 2].sentence != tokens[s - 1].sentence;
          std::string who = starts_sentence && known != pronoun_subjects.end()
                                ? known->second
                                : subject_before(s - 1);
          bool carry = who.empty();
          if (carry) who = carried();
          add(who, carry ? AttributionMethod::kCarryOver
                         : AttributionMethod::kQuotePattern);
          matched = true;
        } else {
          // Walk back over the name (up to 3 words) to its start, past a
          // suffix: "President Joseph R. Biden, Jr. declared".
          std::size_t name_end = s;
          if (name_end >= 2 && is_name_suffix(tokens[name_end - 1].word)) --name_end;
          for (std::size_t back = 1; back <= 3 && back <= name_end; ++back) {
            std::size_t start = name_end - back;
            if (back > 1 && (tokens[start].ends_clause || tokens[start].ends_sentence))
              break;
            std::size_t len;
            std::string who = mention_at(tokens, start, len);
            if (!who.empty() && start + len == name_end) {
              add(who, AttributionMethod::kQuotePattern);
              matched = true;
              break;
            }
          }
          if (!matched) {
            // "the spokesman said", "the Secretary of State stressed".
            for (std::size_t back = 2; back <= 6 && back <= s; ++back) {
              std::size_t len;
              std::string who = role_reference_at(tokens, s - back, len);
              if (!who.empty() && s - back + len == s) {
                if (who == "?") who = carried();
                add(who, AttributionMethod::kCarryOver);
                matched = true;
                break;
              }
            }
          }
        }
      }
      // Subject after the verb: "..., said Ned Price".
      if (!matched && v + 1 < tokens.size() &&
          (tokens[v].word == "said" || tokens[v].word == "says" ||
           tokens[v].word == "added" || tokens[v].word == "noted" ||
           tokens[v].word == "told") &&
          v > 0 && (tokens[v - 1].ends_clause || tokens[v - 1].closes_quote)) {
        std::size_t len;
        std::string who = mention_at(tokens, v + 1, len);
        // Right after a quote and "said", a given name and surname that
        // end the clause are a person, whether or not the article gave a
        // role: "...," said Sergei Ryabkov, who oversees arms control.
        if (who.empty() && v + 2 < tokens.size() && tokens[v - 1].closes_quote &&
            is_name_word(tokens[v + 1].word) && is_name_word(tokens[v + 2].word) &&
            !tokens[v + 1].ends_clause &&
            (tokens[v + 2].ends_clause || tokens[v + 2].ends_sentence ||
             v + 3 == tokens.size())) {
          std::string full = tokens[v + 1].word + " " + tokens[v + 2].word;
          if (!people_.not_a_person(full)) who = full;
        }
        if (who.empty()) {
          std::string next = text::ascii_lower(tokens[v + 1].word);
          if (next == "he" || next == "she") {
            who = carried();
            add(who, AttributionMethod::kCarryOver);
          }
        } else {
          add(who, AttributionMethod::kQuotePattern);
        }
      }
    }
    return found;
  }

  // The name a call's MODERATOR goes by, when the speakers they hand over
  // to thank them by it ("Thanks, Eduardo."): the full name if the article
  // gives one with that first name, else the first name. Empty when the
  // article never says or says two different names.
  std::string moderator_name() const {
    std::string found;
    for (std::size_t i = 0; i < passages_.size(); ++i) {
      if (passages_[i].turn_label != "MODERATOR") continue;
      std::size_t j = i + 1;
      while (j < passages_.size() && passages_[j].turn_label == "MODERATOR") ++j;
      if (j >= passages_.size() || passages_[j].turn_label.empty() ||
          is_press_label(passages_[j].turn_label))
        continue;
      std::vector<Token> tokens = tokenize(passages_[j].text);
      std::size_t k = 0;
      if (tokens.size() > 1 && tokens[0].word == "Thank" && tokens[1].word == "you") k = 2;
      else if (!tokens.empty() && tokens[0].word == "Thanks") k = 1;
      else continue;
      if (k + 1 < tokens.size() && tokens[k].word == "so" && tokens[k + 1].word == "much") k += 2;
      if (k == 0 || k >= tokens.size() || !tokens[k - 1].ends_clause) continue;
      if (!is_name_word(tokens[k].word) || !(tokens[k].ends_clause || tokens[k].ends_sentence))
        continue;
      std::string name = tokens[k].word;
      if (!found.empty() && found != name) return {};
      found = name;
    }
    if (found.empty()) return {};
    std::string full = people_.full_name_with_given(found);
    return full.empty() ? found : full;
  }

  // The person in `office` on the article's date, from the alias file.
  std::string office_holder(std::string_view office) const {
    if (!aliases_ || !article_.date) return {};
    return aliases_->office_holder(office, *article_.date);
  }

  // The office's holder on the article's date when tokens[i] is the
  // holder's surname: in a title-case title ("Remarks by President Biden
  // Honoring the ..."), the capitalised word after the surname is not
  // part of the name.
  std::string holder_named(std::string_view office, const std::vector<Token>& tokens,
                           std::size_t i) const {
    if (i >= tokens.size()) return {};
    std::string who = office_holder(office);
    std::size_t space = who.rfind(' ');
    if (who.empty() || space == std::string::npos) return {};
    std::string_view surname = std::string_view(who).substr(space + 1);
    // The surname alone, or after a given name and a middle initial
    // ("Joe Biden Welcoming", "Joseph R. Biden, Jr.").
    for (std::size_t k = i; k < tokens.size() && k < i + 3; ++k) {
      if (tokens[k].word == surname) return who;
      bool name_part = k == i ? is_name_word(tokens[k].word) : is_initial(tokens[k].word);
      if (!name_part || tokens[k].ends_clause || tokens[k].ends_sentence) break;
    }
    return {};
  }

  std::string author_role(const std::string& author) const {
    auto it = leader_offices_.find(author);
    return it != leader_offices_.end() ? it->second : people_.role_of(author);
  }

  // Joint statements that open by listing their countries: "We, the
  // leaders of Japan, the Republic of Korea (ROK), and the United States,
  // ...", "We, the Leaders of the Group of Seven (G7)", "Nous, chefs
  // d'État et de gouvernement de la République argentine, de la Barbade,
  // ...". Their authors are the leaders of those countries on the
  // article's date, as the alias file's "countries" and "offices" say;
  // a country it does not know adds nobody.
  std::vector<std::string> country_list_authors() {
    if (!aliases_ || !article_.date) return {};
    static const std::array<std::string_view, 8> kOpeners = {
        "We, the leaders", "We the leaders", "We, the heads of state and government",
        "We the heads of state and government", "Nous, chefs d'\u00C9tat et de gouvernement",
        "Nous, les chefs d'\u00C9tat et de gouvernement",
        "Nosotros, los jefes de estado y de gobierno", "N\u00F3s, os chefes de estado e de governo"};
    // Words between and inside the names: articles, prepositions, "and".
    static const std::set<std::string, std::less<>> kFiller = {
        "the", "and", "of",  "de",  "la",  "le", "les", "du", "des", "et", "y",  "e",
        "del", "da",  "do",  "dos", "das", "los", "las", "o", "os",  "a",  "al", "au"};
    for (std::size_t p = 0; p < passages_.size() && p < 3; ++p) {
      std::string s(text::trim(passages_[p].text));
      for (std::size_t at; (at = s.find("\u2019")) != std::string::npos;) s.replace(at, 3, "'");
      std::size_t pos = std::string::npos;
      for (std::string_view opener : kOpeners)
        if (text::starts_with_ci(s, opener)) pos = opener.size();
      if (pos == std::string::npos) continue;
      std::vector<AliasTable::Leader> leaders;
      bool list_started = false;
      for (int words = 0; pos < s.size() && words < 200; ++words) {
        while (pos < s.size() && (s[pos] == ' ' || s[pos] == ',')) ++pos;
        if (pos >= s.size()) break;
        if (s[pos] == '(') {  // "(ROK)", "(G7)"
          std::size_t close = s.find(')', pos);
          if (close == std::string::npos) break;
          pos = close + 1;
          continue;
        }
        if (list_started) {
          if (std::size_t len = aliases_->match_country(std::string_view(s).substr(pos),
                                                        *article_.date, leaders)) {
            pos += len;
            continue;
          }
        }
        std::size_t end = s.find_first_of(" ,()", pos);
        if (end == std::string::npos) end = s.size();
        std::string_view word = std::string_view(s).substr(pos, end - pos);
        if (word.empty()) break;  // A stray ")".
        if (!list_started) {
          // The list starts at "of" / "de" / "da" ...: "We, the leaders,
          // met" lists nobody.
          if (word != "of" && word != "de" && word != "da" && word != "do" && word != "du" &&
              word != "des" && word != "del" && !word.starts_with("d'"))
            break;
          list_started = true;
        }
        if (word.starts_with("d'") || word.starts_with("l'")) {  // "d'Ha\u00EFti"
          pos += 2;
          continue;
        }
        bool capitalised = std::isupper(static_cast<unsigned char>(word[0])) ||
                           static_cast<unsigned char>(word[0]) >= 0xC0;
        // "Republic", "Federative": parts of a name the file does not
        // spell out; a lower-case word ends the list ("... Uruguay, met").
        if (kFiller.count(word) == 0 && !capitalised) break;
        if (word.ends_with('.') || word.ends_with(':') || word.ends_with(';')) break;
        pos = end;
      }
      std::vector<std::string> authors;
      for (auto& leader : leaders) {
        if (std::find(authors.begin(), authors.end(), leader.name) != authors.end()) continue;
        authors.push_back(leader.name);
        leader_offices_.emplace(leader.name, leader.office);
      }
      if (!authors.empty()) return authors;
    }
    return {};
  }

  // Statements in the first person plural that list their authors: "Today,
  // we — Prime Minister Anthony Albanese of Australia, ..., and President
  // Joseph R. Biden of the United States — ...". Two or more people are
  // needed; "We, the leaders of the G7" names nobody.
  std::vector<std::string> we_list_authors() const {
    for (std::size_t p = 0; p < passages_.size() && p < 3; ++p) {
      std::vector<Token> tokens = tokenize(passages_[p].text);
      for (std::size_t i = 0; i + 2 < tokens.size(); ++i) {
        if (tokens[i].word != "we" && tokens[i].word != "We") continue;
        bool dash = tokens[i + 1].raw == "\xE2\x80\x94" || tokens[i + 1].raw == "\xE2\x80\x93" ||
                    tokens[i + 1].raw == "--";
        if (!dash && !tokens[i].ends_clause) continue;
        std::vector<std::string> authors;
        for (std::size_t k = i + (dash ? 2 : 1); k < tokens.size() && k < i + 80; ++k) {
          const std::string& raw = tokens[k].raw;
          if (raw == "\xE2\x80\x94" || raw == "\xE2\x80\x93" || raw == "--") break;
          std::size_t len = 0;
          std::string who = mention_at(tokens, k, len);
          if (!who.empty()) {
            if (std::find(authors.begin(), authors.end(), who) == authors.end())
              authors.push_back(who);
            k += len - 1;
          }
          if (tokens[k].ends_sentence) break;
        }
        if (authors.size() >= 2) return authors;
      }
    }
    return {};
  }

  // A letter or memorandum signed at its end in capitals ("Sincerely, /
  // JOSEPH R. BIDEN JR.", "JAKE SULLIVAN"): the signer wrote it.
  std::vector<std::string> signature_authors() const {
    const auto& paragraphs = article_.paragraphs;
    for (std::size_t back = 1; back <= 3 && back <= paragraphs.size(); ++back) {
      const std::string& line = paragraphs[paragraphs.size() - back].text;
      if (has_lower_case(line)) continue;
      std::string name = title_case(line);
      std::size_t words = 0, name_words = 0;
      bool ok = true;
      for (auto w : text::split_words(name)) {
        ++words;
        std::string_view word = w;
        if (word.ends_with(',')) word.remove_suffix(1);
        if (is_name_suffix(word) || is_initial(word)) continue;
        if (!is_name_word(word)) {
          ok = false;
          break;
        }
        ++name_words;
      }
      if (ok && name_words >= 2 && words <= 5) return {name};
    }
    return {};
  }

  // The two people a readout is about, for "The two leaders agreed":
  // the two the first sentence names ("President Biden spoke today with
  // Prime Minister Benjamin Netanyahu"), else the two the title names.
  // Empty unless exactly two.
  const std::vector<std::string>& principals() {
    if (principals_) return *principals_;
    // People introduced with a title ("President Joseph R. Biden, Jr.",
    // "Prime Minister Benjamin Netanyahu", "Foreign Minister Mohammed bin
    // Abdulrahman Al Thani"), written out as the text spells them.
    auto titled_people = [&](const std::vector<Token>& tokens, bool first_sentence_only) {
      static const std::set<std::string, std::less<>> kParticles = {
          "bin", "bint", "al", "de", "del", "da", "dos", "van", "von", "der", "di", "la", "le"};
      std::vector<std::string> people;
      for (std::size_t k = 0; k + 1 < tokens.size(); ++k) {
        if (first_sentence_only && tokens[k].sentence > 0) break;
        bool title = is_title_noun(tokens[k].word) || tokens[k].word.starts_with("President-");
        if (!title || tokens[k].ends_clause || !is_name_word(tokens[k + 1].word)) continue;
        std::vector<std::string> parts;
        std::size_t j = k + 1;
        for (; j < tokens.size() && parts.size() < 5; ++j) {
          const std::string& w = tokens[j].word;
          bool particle = kParticles.count(w) > 0 && j + 1 < tokens.size() &&
                          is_name_word(tokens[j + 1].word);
          if (is_initial(w)) {
            if (tokens[j].ends_clause) break;
            continue;
          }
          if (!particle && !is_name_word(w)) break;
          parts.push_back(w);
          if (tokens[j].ends_clause || tokens[j].ends_sentence) break;
        }
        if (parts.empty()) continue;
        std::string name = parts.front();
        for (std::size_t p = 1; p < parts.size(); ++p) name += " " + parts[p];
        if (parts.size() == 1) {
          std::string full = people_.resolve_surname(name);
          if (!full.empty()) name = full;
        }
        std::string surname = last_word(name);
        bool seen = std::any_of(people.begin(), people.end(),
                                [&](const std::string& p) { return last_word(p) == surname; });
        if (!seen) people.push_back(name);
        k = j > k ? j - 1 : k;
      }
      return people.size() == 2 ? people : std::vector<std::string>();
    };
    std::vector<std::string> people;
    if (!passages_.empty()) people = titled_people(tokenize(passages_.front().text), true);
    if (people.empty()) people = titled_people(tokenize(article_.title), false);
    principals_ = std::move(people);
    return *principals_;
  }

  const Article& article_;
  const std::vector<Passage>& passages_;
  const AliasTable* aliases_;
  // The offices of authors a country list gave (country_list_authors).
  std::map<std::string, std::string> leader_offices_;
  PeopleTable people_;
  std::optional<std::vector<std::string>> principals_;
};

}  // namespace

std::string_view attribution_method_name(AttributionMethod method) {
  switch (method) {
    case AttributionMethod::kLabel: return "label";
    case AttributionMethod::kDeclared: return "declared";
    case AttributionMethod::kAuthor: return "author";
    case AttributionMethod::kPullQuote: return "pull-quote";
    case AttributionMethod::kQuotePattern: return "quote-pattern";
    case AttributionMethod::kCarryOver: return "carry-over";
  }
  return "label";
}

std::string speaker_id(std::string_view name) {
  return text::ascii_lower(text::fold_whitespace(name));
}

std::vector<std::vector<Attribution>> attribute_speakers(
    const Article& article, const std::vector<Passage>& passages,
    const AliasTable* aliases) {
  return Attributor(article, passages, aliases).run();
}

std::vector<std::string> named_people(const Article& article,
                                      const std::vector<Passage>& passages) {
  return Attributor(article, passages, nullptr).people();
}

SpeakerAnalysis analyze_speakers(const Article& article,
                                 const std::vector<Passage>& passages,
                                 const AliasTable* aliases) {
  Attributor attributor(article, passages, aliases);
  SpeakerAnalysis analysis;
  analysis.speakers = attributor.run();
  analysis.people = attributor.people();
  return analysis;
}

}  // namespace brief

namespace brief {

namespace {

// Levenshtein distance, stopping early past 1.
bool within_one_edit(std::string_view a, std::string_view b) {
  if (a.size() > b.size()) std::swap(a, b);
  if (b.size() - a.size() > 1) return false;
  std::size_t i = 0;
  while (i < a.size() && a[i] == b[i]) ++i;
  if (a.size() == b.size()) return a.substr(i + 1) == b.substr(i + 1);
  return a.substr(i) == b.substr(i + 1);
}

}  // namespace

AliasTable AliasTable::parse(std::string_view json_text) {
  nlohmann::json doc = nlohmann::json::parse(json_text, nullptr, false);
  if (doc.is_discarded() || !doc.is_object())
    throw Error(ErrorCode::kInvalidArgument, "alias file is not a JSON object");
  auto it = doc.find("aliases");
  if (it == doc.end() || !it->is_object())
    throw Error(ErrorCode::kInvalidArgument,
                "alias file needs an \"aliases\" object of \"alias\": \"canonical name\"");
  AliasTable table;
  for (const auto& [alias, canonical] : it->items()) {
    if (!canonical.is_string())
      throw Error(ErrorCode::kInvalidArgument,
                  "alias \"" + alias + "\" must map to a name (a string)");
    table.add(alias, canonical.get<std::string>());
  }
  auto countries = doc.find("countries");
  if (countries != doc.end()) {
    auto bad = [](const std::string& what) {
      return Error(ErrorCode::kInvalidArgument,
                   "alias file: " + what +
                       " (want \"countries\": {\"Japan\": {\"names\": [...], \"leader\": "
                       "\"Prime Minister of Japan\"}} or \"members\": [countries])");
    };
    if (!countries->is_object()) throw bad("\"countries\" must be an object");
    for (const auto& item : countries->items()) {
      const std::string key = item.key();
      const nlohmann::json& entry = item.value();
      if (!entry.is_object()) throw bad("country \"" + key + "\" must be an object");
      Country c;
      auto strings = [&](const char* field) {
        std::vector<std::string> out;
        auto f = entry.find(field);
        if (f == entry.end()) return out;
        if (!f->is_array()) throw bad("country \"" + key + "\": \"" + field + "\" must be a list");
        for (const auto& v : *f) {
          if (!v.is_string() || v.get<std::string>().empty())
            throw bad("country \"" + key + "\": \"" + field + "\" must list names");
          out.push_back(v.get<std::string>());
        }
        return out;
      };
      c.names = strings("names");
      c.members = strings("members");
      if (auto f = entry.find("leader"); f != entry.end()) {
        if (!f->is_string()) throw bad("country \"" + key + "\": \"leader\" must be an office");
        c.leader = f->get<std::string>();
      }
      if (c.leader.empty() == c.members.empty())
        throw bad("country \"" + key + "\" needs a \"leader\" or \"members\", not both");
      table.countries_[key] = std::move(c);
    }
    table.index_country_names();
  }
  auto offices = doc.find("offices");
  if (offices == doc.end()) return table;
  if (!offices->is_object())
    throw Error(ErrorCode::kInvalidArgument,
                "alias file: \"offices\" must be an object of \"office\": [terms]");
  for (const auto& item : offices->items()) {
    // Named copies: lambdas cannot capture structured bindings in clang 14.
    const std::string office = item.key();
    const nlohmann::json& terms = item.value();
    if (!terms.is_array())
      throw Error(ErrorCode::kInvalidArgument,
                  "alias file: office \"" + office + "\" needs a list of terms");
    for (const auto& term : terms) {
      auto field = [&](const char* key, bool required) -> std::string {
        auto f = term.is_object() ? term.find(key) : term.end();
        if (term.is_object() && f != term.end() && f->is_string()) return f->get<std::string>();
        if (required || (term.is_object() && f != term.end()))
          throw Error(ErrorCode::kInvalidArgument,
                      "alias file: each term of office \"" + office +
                          "\" needs \"name\", \"from\" and an optional \"until\" (strings)");
        return {};
      };
      Term t;
      t.name = text::fold_whitespace(field("name", true));
      std::string from = field("from", true), until = field("until", false);
      auto from_date = parse_date(from);
      auto until_date = until.empty() ? std::optional<Date>(Date{9999, 12, 31}) : parse_date(until);
      if (!from_date || !until_date || *until_date < *from_date)
        throw Error(ErrorCode::kInvalidArgument,
                    "alias file: office \"" + office + "\" term of " + t.name +
                        " has a bad date (want YYYY-MM-DD, from <= until)");
      t.from = *from_date;
      t.until = *until_date;
      table.offices_[speaker_id(office)].push_back(std::move(t));
    }
  }
  return table;
}

std::string AliasTable::office_holder(std::string_view office, const Date& on) const {
  auto it = offices_.find(speaker_id(office));
  if (it == offices_.end()) return {};
  for (const auto& term : it->second)
    if (term.from <= on && on <= term.until) return canonical(term.name);
  return {};
}

void AliasTable::index_country_names() {
  country_names_.clear();
  for (const auto& [key, country] : countries_) {
    country_names_.emplace_back(key, key);
    for (const auto& name : country.names) country_names_.emplace_back(name, key);
  }
  std::stable_sort(country_names_.begin(), country_names_.end(),
                   [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
}

std::size_t AliasTable::match_country(std::string_view text, const Date& on,
                                      std::vector<Leader>& leaders) const {
  for (const auto& [name, key] : country_names_) {
    if (!text.starts_with(name)) continue;
    // Whole words only: "Niger" is not the start of "Nigeria".
    if (text.size() > name.size()) {
      unsigned char next = static_cast<unsigned char>(text[name.size()]);
      if (std::isalnum(next) || next >= 0x80) continue;
    }
    const Country& country = countries_.at(key);
    auto add_leader = [&](const Country& c) {
      std::string who = office_holder(c.leader, on);
      if (!who.empty()) leaders.push_back({who, c.leader});
    };
    if (country.members.empty()) {
      add_leader(country);
    } else {
      for (const auto& member : country.members) {
        auto it = countries_.find(member);
        if (it != countries_.end() && it->second.members.empty()) add_leader(it->second);
      }
    }
    return name.size();
  }
  return 0;
}

void AliasTable::add(std::string_view alias, std::string_view canonical) {
  std::string name = text::fold_whitespace(canonical);
  canonical_[speaker_id(alias)] = name;
  canonical_.emplace(speaker_id(name), name);
}

void AliasTable::merge(const AliasTable& other) {
  for (const auto& [id, name] : other.canonical_) canonical_[id] = name;
  // A later file's list for an office replaces an earlier one's.
  for (const auto& [office, terms] : other.offices_) offices_[office] = terms;
  for (const auto& [key, country] : other.countries_) countries_[key] = country;
  index_country_names();
}

std::string AliasTable::canonical(std::string_view name) const {
  auto it = canonical_.find(speaker_id(name));
  return it == canonical_.end() ? text::fold_whitespace(name) : it->second;
}

std::map<std::string, std::string> AliasTable::group(
    const std::vector<std::pair<std::string, std::int64_t>>& speakers,
    const std::vector<std::pair<std::string, std::int64_t>>& mentions) const {
  std::vector<std::pair<std::string, std::int64_t>> names = speakers;
  names.insert(names.end(), mentions.begin(), mentions.end());
  // Union-find over the names, joined by alias file and the one-edit rule.
  std::vector<std::size_t> parent(names.size());
  for (std::size_t i = 0; i < names.size(); ++i) parent[i] = i;
  auto find = [&](std::size_t i) {
    while (parent[i] != i) i = parent[i] = parent[parent[i]];
    return i;
  };
  auto join = [&](std::size_t a, std::size_t b) { parent[find(a)] = find(b); };
  std::map<std::string, std::size_t> by_canonical;
  std::map<std::string, std::vector<std::size_t>> by_surname;
  // Names of one word ("Biden"), by id: the bare surnames.
  std::map<std::string, std::vector<std::size_t>> bare;
  std::vector<std::string> ids(names.size());
  for (std::size_t i = 0; i < names.size(); ++i) {
    std::string c = speaker_id(canonical(names[i].first));
    auto [it, fresh] = by_canonical.emplace(c, i);
    if (!fresh) join(i, it->second);
    ids[i] = speaker_id(names[i].first);
    const std::string& id = ids[i];
    auto space = id.find_last_of(' ');
    if (space != std::string::npos) by_surname[id.substr(space + 1)].push_back(i);
    else bare[id].push_back(i);
  }
  // Family name first or last: "Kishida Fumio" is "Fumio Kishida".
  {
    std::map<std::string, std::size_t> two_words;
    for (std::size_t i = 0; i < names.size(); ++i) {
      const std::string& id = ids[i];
      auto space = id.find(' ');
      if (space == std::string::npos || id.find(' ', space + 1) != std::string::npos) continue;
      two_words.emplace(id, i);
      auto swapped = two_words.find(id.substr(space + 1) + " " + id.substr(0, space));
      if (swapped != two_words.end() && swapped->second != i) join(i, swapped->second);
    }
  }
  for (const auto& [surname, members] : by_surname) {
    for (std::size_t x = 0; x < members.size(); ++x) {
      for (std::size_t y = x + 1; y < members.size(); ++y) {
        const std::string& a = ids[members[x]];
        const std::string& b = ids[members[y]];
        std::string given_a = a.substr(0, a.find_last_of(' '));
        std::string given_b = b.substr(0, b.find_last_of(' '));
        // "antony j." and "antony": the same given names but initials.
        auto without_initials = [](const std::string& given) {
          std::string out;
          for (auto w : text::split_words(given)) {
            std::string_view word = w;
            if (word.ends_with('.')) word.remove_suffix(1);
            if (word.size() > 1) out += (out.empty() ? "" : " ") + std::string(word);
          }
          return out;
        };
        std::string bare_a = without_initials(given_a), bare_b = without_initials(given_b);
        bool initials = given_a != given_b && !bare_a.empty() && bare_a == bare_b;
        if (initials || (given_a.size() >= 5 && given_b.size() >= 5 && given_a != given_b &&
                         within_one_edit(given_a, given_b)))
          join(members[x], members[y]);
      }
    }
  }
  // The group that holds at least two thirds of `members`' weight.
  auto dominant_group = [&](const std::vector<std::size_t>& members) -> std::optional<std::size_t> {
    std::map<std::size_t, std::int64_t> per_group;
    std::int64_t total = 0;
    for (std::size_t m : members) {
      per_group[find(m)] += names[m].second;
      total += names[m].second;
    }
    std::size_t best_group = 0;
    std::int64_t best_count = -1;
    for (const auto& [g, n] : per_group)
      if (n > best_count) best_group = g, best_count = n;
    if (best_count <= 0 || best_count * 3 < total * 2) return std::nullopt;
    return best_group;
  };
  // A bare surname ("Biden", from "MR. BIDEN" or "President Biden") joins
  // the person most named in full with that surname, when that person has
  // at least two thirds of those passages.
  for (const auto& [surname, members] : by_surname) {
    auto alone = bare.find(surname);
    if (alone == bare.end()) continue;
    if (auto group = dominant_group(members))
      for (std::size_t i : alone->second) join(i, *group);
  }
  // A name that is the last words of longer names ("McGill Johnson" from
  // `MS. MCGILL JOHNSON:`, "Lance Bottoms" read from running text) joins
  // them as a bare surname does: the person with two thirds of their
  // weight.
  {
    std::map<std::string, std::vector<std::size_t>> by_tail;  // Last 2+ words -> longer names.
    for (std::size_t i = 0; i < names.size(); ++i) {
      const std::string& id = ids[i];
      for (auto space = id.find(' '); space != std::string::npos; space = id.find(' ', space + 1)) {
        std::string tail = id.substr(space + 1);
        if (tail.find(' ') == std::string::npos) break;
        by_tail[tail].push_back(i);
      }
    }
    for (std::size_t i = 0; i < names.size(); ++i) {
      auto longer = by_tail.find(ids[i]);
      if (longer == by_tail.end()) continue;
      if (auto group = dominant_group(longer->second)) join(i, *group);
    }
  }
  // Each group's name: an alias-file name if it has one, else its most
  // frequent spelling.
  std::map<std::size_t, std::pair<std::string, std::int64_t>> best;
  std::map<std::size_t, std::string> declared;
  for (std::size_t i = 0; i < names.size(); ++i) {
    std::size_t root = find(i);
    auto it = canonical_.find(ids[i]);
    if (it != canonical_.end()) declared[root] = it->second;
    // A full name beats a bare surname as the group's display name. (The
    // tail of a longer name counts as full: the longer one is often a
    // misread, "I’m Alex Alper".)
    auto& b = best[root];
    bool full = names[i].first.find(' ') != std::string::npos;
    bool best_full = b.first.find(' ') != std::string::npos;
    if (b.first.empty() || (full && !best_full) ||
        (full == best_full && names[i].second > b.second))
      b = names[i];
  }
  std::map<std::string, std::string> result;
  for (std::size_t i = 0; i < names.size(); ++i) {
    std::size_t root = find(i);
    auto d = declared.find(root);
    result[names[i].first] = d != declared.end() ? d->second : best[root].first;
  }
  return result;
}

std::string AliasTable::to_json() const {
  nlohmann::json aliases = nlohmann::json::object();
  for (const auto& [id, name] : canonical_)
    if (id != speaker_id(name)) aliases[id] = name;
  nlohmann::json doc{{"aliases", aliases}};
  if (!offices_.empty()) {
    nlohmann::json offices = nlohmann::json::object();
    for (const auto& [office, terms] : offices_)
      for (const auto& t : terms) {
        nlohmann::json term{{"name", t.name}, {"from", t.from.iso()}};
        if (t.until != Date{9999, 12, 31}) term["until"] = t.until.iso();
        offices[office].push_back(term);
      }
    doc["offices"] = offices;
  }
  if (!countries_.empty()) {
    nlohmann::json countries = nlohmann::json::object();
    for (const auto& [key, c] : countries_) {
      nlohmann::json entry = nlohmann::json::object();
      if (!c.names.empty()) entry["names"] = c.names;
      if (!c.leader.empty()) entry["leader"] = c.leader;
      if (!c.members.empty()) entry["members"] = c.members;
      countries[key] = entry;
    }
    doc["countries"] = countries;
  }
  return doc.dump();
}

}  // namespace brief
