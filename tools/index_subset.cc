// Copyright (c) 2026 The brief-search Authors. MIT licence.
// index-subset: checks that index A holds a consistent state of index B:
// every passage of A is in B with the same data and values (and terms, for
// one passage in 20), and A
// has every passage of each file it lists. Then A is what a clean build of
// those files gives, so it answers queries as that state would.
// tools/crash-test runs it after each kill, against a clean full build.
//
//   index-subset CRASHED REFERENCE      exit 0: a consistent state; 1: not

#include <xapian.h>

#include <iostream>
#include <map>
#include <string>

namespace {

constexpr const char* kArticlePrefix = "XG";
constexpr const char* kFilePrefix = "XF";

// Terms, wdf and positions count of a document, as one string.
std::string terms_of(const Xapian::Document& doc) {
  std::string out;
  for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t)
    out += *t + ":" + std::to_string(t.get_wdf()) + ":" +
           std::to_string(t.positionlist_count()) + " ";
  return out;
}

std::string values_of(const Xapian::Document& doc) {
  std::string out;
  for (auto v = doc.values_begin(); v != doc.values_end(); ++v)
    out += std::to_string(v.get_valueno()) + "=" + *v + " ";
  return out;
}

}  // namespace

int main(int argc, char** argv) try {
  if (argc != 3) {
    std::cerr << "usage: index-subset CRASHED REFERENCE\n";
    return 2;
  }
  Xapian::Database crashed(argv[1]), reference(argv[2]);
  std::size_t problems = 0, checked = 0;
  auto problem = [&](const std::string& what) {
    if (++problems <= 10) std::cerr << "index-subset: " << what << "\n";
  };
  // Each passage of the crashed index, by its article and place in it
  // (passages are added in order), in the reference.
  for (auto article = crashed.allterms_begin(kArticlePrefix);
       article != crashed.allterms_end(kArticlePrefix); ++article) {
    auto theirs = reference.postlist_begin(*article);
    auto theirs_end = reference.postlist_end(*article);
    long ordinal = 0;
    for (auto mine = crashed.postlist_begin(*article); mine != crashed.postlist_end(*article);
         ++mine, ++ordinal) {
      std::string id = *article + "." + std::to_string(ordinal);
      if (theirs == theirs_end) {
        problem(id + ": not in the reference");
        break;
      }
      Xapian::Document a = crashed.get_document(*mine), b = reference.get_document(*theirs);
      ++theirs;
      if (a.get_data() != b.get_data()) problem(id + ": document data differs");
      else if (values_of(a) != values_of(b)) problem(id + ": values differ");
      // Terms follow from the data (the same code made both); reading every
      // term list would take minutes, so one passage in 20 is compared.
      else if (checked % 20 == 0 && terms_of(a) != terms_of(b)) problem(id + ": terms differ");
      ++checked;
    }
  }
  // Each file of the crashed index whole: as many passages as the reference.
  std::size_t files = 0;
  for (auto f = crashed.allterms_begin(kFilePrefix); f != crashed.allterms_end(kFilePrefix); ++f) {
    ++files;
    if (f.get_termfreq() != reference.get_termfreq(*f))
      problem(*f + ": " + std::to_string(f.get_termfreq()) + " passages, the reference has " +
              std::to_string(reference.get_termfreq(*f)));
  }
  std::cout << "index-subset: " << checked << " passages of " << files << " files checked, "
            << problems << " problem(s)\n";
  return problems == 0 ? 0 : 1;
} catch (const Xapian::Error& e) {
  std::cerr << "index-subset: " << e.get_description() << "\n";
  return 2;
}
