// Copyright (c) 2026 The brief-search Authors. MIT licence.
// Command-line options of both programs.

#include "options.h"

#include <boost/program_options.hpp>
#include <filesystem>
#include <sstream>

#include "brief/error.h"

namespace brief::cli {

namespace po = boost::program_options;

namespace {

std::string help_for(const char* usage, const char* about,
                     const po::options_description& desc, const char* footer) {
  std::ostringstream out;
  out << usage << "\n\n" << about << "\n\n" << desc << "\n" << footer;
  return out.str();
}

po::variables_map parse(int argc, const char* const* argv,
                        const po::options_description& desc,
                        const po::positional_options_description& positional) {
  po::variables_map vm;
  try {
    po::store(po::command_line_parser(argc, argv)
                  .options(desc)
                  .positional(positional)
                  .style(po::command_line_style::default_style &
                         ~po::command_line_style::allow_guessing)
                  .run(),
              vm);
    po::notify(vm);
  } catch (const po::error& e) {
    throw UsageError(std::string(e.what()) + " (see --help)");
  }
  return vm;
}

}  // namespace

Date parse_date_option(const std::string& value, const std::string& option, bool end,
                       const Date& today) {
  DateRange range;
  try {
    range = parse_date_range(value, today);
  } catch (const Error& e) {
    throw UsageError(option + ": " + e.what());
  }
  std::optional<Date> day = end ? range.last : range.first;
  if (!day)
    throw UsageError(option + ": '" + value + "' has no " + (end ? "end" : "start") + " date");
  return *day;
}

IndexCommand parse_index_command(int argc, const char* const* argv) {
  IndexCommand cmd;
  po::options_description desc("Options");
  desc.add_options()
      ("index", po::value<std::string>(), "index folder (default: $BRIEF_INDEX, else $XDG_DATA_HOME/brief-search/index)")
      ("rebuild", "discard the existing index and build it anew")
      ("shard-by", po::value<std::string>(), "year, month or none: one Xapian database per year or month of the files' dates, listed in the stub INDEX/XAPIANDB, or one for all (default: as the index is; none for a new one). Changing it needs --rebuild")
      ("check", "verify the index (Xapian's check of every table, and that every file's passages are there, no more, no fewer) and index nothing; exit 2 if it is damaged")
      ("stats", "print the index's files, articles, passages, date span, undated files, speakers and size on disk, and index nothing")
      ("lock-timeout", po::value<double>()->default_value(5), "seconds to wait for another brief-index to finish with the index before giving up (exit 75)")
      ("aliases", po::value<std::vector<std::string>>(), "alias file of speaker names to store in the index (repeatable; default: aliases.json at the top of each PATH that is a folder)")
      ("synonyms", po::value<std::vector<std::string>>(), "synonyms file to store in the index, one group a line: New START = START (repeatable; default: synonyms.txt at the top of each PATH that is a folder)")
      ("threads", po::value<int>()->default_value(0), "parsing threads; 0 = one per core")
      ("batch", po::value<int>()->default_value(1000), "files per committed transaction (at most; also ends after 10,000 passages)")
      ("json", "print the run's summary as one JSON object")
      ("progress", "show progress on stderr even when it is not a terminal")
      ("no-progress", "never show progress")
      ("quiet,q", "print nothing but errors")
      ("help,h", "show this help and exit")
      ("version,V", "show the version and exit");
  po::options_description hidden;
  hidden.add_options()("input", po::value<std::vector<std::string>>(), "");
  po::options_description all;
  all.add(desc).add(hidden);
  po::positional_options_description positional;
  positional.add("input", -1);
  auto vm = parse(argc, argv, all, positional);

  cmd.help_text = help_for(
      "Usage: brief-index [OPTIONS] PATH...",
      "Index press-briefing articles (plain text, Markdown with front matter, JSON and\n"
      "JSON Lines records) into a brief-search index. Directories are searched\n"
      "recursively. Re-running adds new files, re-indexes changed ones and removes\n"
      "files that are gone from under the given paths; unchanged files are not read.",
      desc,
      "Exit status: 0 run completed (files that failed are listed in the summary),\n"
      "2 error, 75 index locked by another brief-index (retry later).\n"
      "See brief-index(1) for details.\n");
  cmd.help = vm.count("help") > 0;
  cmd.version = vm.count("version") > 0;
  if (cmd.help || cmd.version) return cmd;
  if (vm.count("input")) cmd.inputs = vm["input"].as<std::vector<std::string>>();
  cmd.check = vm.count("check") > 0;
  cmd.stats = vm.count("stats") > 0;
  cmd.index_path = vm.count("index") ? vm["index"].as<std::string>() : default_index_path();
  if (cmd.index_path.empty()) throw UsageError("--index needs a folder");
  if (cmd.check || cmd.stats) {
    if (!cmd.inputs.empty())
      throw UsageError("--check and --stats read the index only; give no PATH");
    if (cmd.check && cmd.stats) throw UsageError("give --check or --stats, not both");
    cmd.json = vm.count("json") > 0;
    cmd.quiet = vm.count("quiet") > 0;
    return cmd;
  }
  if (cmd.inputs.empty())
    throw UsageError("no PATH to index given (try: brief-index corpus/)");
  cmd.options.rebuild = vm.count("rebuild") > 0;
  if (vm.count("shard-by")) {
    std::string name = vm["shard-by"].as<std::string>();
    cmd.options.shard_by = parse_shard_by(name);
    if (!cmd.options.shard_by)
      throw UsageError("--shard-by: '" + name + "' is not year, month or none");
  }
  double lock_timeout = vm["lock-timeout"].as<double>();
  if (!(lock_timeout >= 0 && lock_timeout <= 86400))
    throw UsageError("--lock-timeout must be between 0 and 86400 seconds");
  cmd.options.lock_timeout = std::chrono::milliseconds(static_cast<long>(lock_timeout * 1000));
  // Settings files: the ones named, else the ones at the top of each
  // folder indexed.
  auto settings_files = [&](const char* option, const char* name) {
    if (vm.count(option)) return vm[option].as<std::vector<std::string>>();
    std::vector<std::string> found;
    for (const auto& input : cmd.inputs) {
      std::error_code ec;
      std::filesystem::path candidate = std::filesystem::path(input) / name;
      if (std::filesystem::is_directory(input, ec) &&
          std::filesystem::is_regular_file(candidate, ec))
        found.push_back(candidate.string());
    }
    return found;
  };
  cmd.options.alias_files = settings_files("aliases", "aliases.json");
  cmd.options.synonym_files = settings_files("synonyms", "synonyms.txt");
  cmd.options.threads = vm["threads"].as<int>();
  cmd.options.batch_files = vm["batch"].as<int>();
  if (cmd.options.threads < 0 || cmd.options.threads > 256)
    throw UsageError("--threads must be between 0 and 256");
  if (cmd.options.batch_files < 1)
    throw UsageError("--batch must be at least 1");
  cmd.json = vm.count("json") > 0;
  cmd.quiet = vm.count("quiet") > 0;
  if (vm.count("progress")) cmd.progress = true;
  if (vm.count("no-progress") || cmd.quiet) cmd.progress = false;
  return cmd;
}

SearchCommand parse_search_command(int argc, const char* const* argv) {
  SearchCommand cmd;
  po::options_description desc("Options");
  desc.add_options()
      ("index", po::value<std::string>(), "index folder (default: $BRIEF_INDEX, else $XDG_DATA_HOME/brief-search/index)")
      ("speaker", po::value<std::vector<std::string>>(), "only passages spoken by this person (name or surname; repeatable)")
      ("since", po::value<std::string>(), "only passages dated on or after DATE: YYYY-MM-DD, YYYY-MM or YYYY (its first day), or 30d, 2w, 6m, 1y (so long before today)")
      ("until", po::value<std::string>(), "only passages dated on or before DATE (YYYY-MM and YYYY: the last day; 30d, 2w, 6m, 1y as for --since)")
      ("today", po::value<std::string>(), "count relative dates (30d, date:P30D/) back from this YYYY-MM-DD instead of the system's date")
      ("limit,n", po::value<long long>()->default_value(10), "how many hits to show")
      ("offset", po::value<long long>()->default_value(0), "skip this many hits first")
      ("sort", po::value<std::string>()->default_value("blend"), "blend, relevance or date")
      ("half-life", po::value<double>()->default_value(365), "blend: days for the recency factor to fall halfway")
      ("recency-weight", po::value<double>()->default_value(0.25), "blend: share of the score that recency can take, 0..1")
      ("all-passages", "list every matching passage, not only the best of each article")
      ("context,C", po::value<long long>()->default_value(0), "show N passages of the same article before and after each hit")
      ("speakers", "list the people speaking (in passages matching QUERY, if given) with spellings, roles and passage counts")
      ("facets", "count matching passages by speaker and by month")
      ("timeline", "show when matching passages were said: a histogram of every matching passage per month, then the first and the last")
      ("timeline-by", po::value<std::string>(), "the timeline's periods: day, month or year (implies --timeline)")
      ("json", "print JSON Lines: one object per hit, then a summary")
      ("timeout-ms", po::value<long long>(), "bound each search to about MS milliseconds: a remote shard that does not answer in time is left out (a notice on stderr; \"partial\": true in JSON; exit 0), and matching stops early")
      ("batch", "read queries from standard input, one a line, and print JSON Lines for each (hits, then a summary), so a script pays for start-up once; the other options apply to every query")
      ("explain", "show the query as parsed, and for each hit its relevance (BM25 weight and bonuses), recency factor and score")
      ("color", po::value<std::string>()->default_value("auto"), "highlight matches: auto, always or never")
      ("help,h", "show this help and exit")
      ("version,V", "show the version and exit");
  po::options_description hidden;
  hidden.add_options()("query", po::value<std::vector<std::string>>(), "");
  po::options_description all;
  all.add(desc).add(hidden);
  po::positional_options_description positional;
  positional.add("query", -1);
  auto vm = parse(argc, argv, all, positional);

  cmd.help_text = help_for(
      "Usage: brief-search [OPTIONS] QUERY...",
      "Search a brief-search index for passages: who said what, when, and where.\n"
      "QUERY uses Xapian syntax: words, \"phrases\", AND OR NOT, +word -word, and\n"
      "the prefixes speaker:NAME, title:WORD and date:DATES: date:2023,\n"
      "date:2023-03, date:2023-03-01, date:2023-01..2023-03 (either end may be\n"
      "left open), date:30d.. (30d, 2w, 6m, 1y: so long before today), and ISO\n"
      "8601 durations: date:P30D/ (the last 30 days), date:2023-03-01/P1M.\n\n"
      "Examples:\n"
      "  brief-search \"New START\"\n"
      "  brief-search 'speaker:\"Ned Price\" treaty' --json\n"
      "  brief-search inflation --since 2022-01 --facets\n"
      "  brief-search Whelan --timeline",
      desc,
      "Exit status: 0 hits found, 1 no hits, 2 error (usage, bad query, missing\n"
      "index), 75 index busy (retry). See brief-search(1) for details.\n");
  cmd.help = vm.count("help") > 0;
  cmd.version = vm.count("version") > 0;
  if (cmd.help || cmd.version) return cmd;

  SearchRequest& r = cmd.request;
  if (vm.count("query")) {
    for (const auto& word : vm["query"].as<std::vector<std::string>>()) {
      if (!r.query.empty()) r.query += ' ';
      r.query += word;
    }
  }
  if (vm.count("speaker")) r.speakers = vm["speaker"].as<std::vector<std::string>>();
  Date today = system_today();
  if (vm.count("today")) {
    std::string value = vm["today"].as<std::string>();
    std::optional<Date> day = parse_date(value);
    if (!day) throw UsageError("--today: '" + value + "' is not a day (use YYYY-MM-DD)");
    today = *day;
    r.today = today;
  }
  if (vm.count("since"))
    r.since = parse_date_option(vm["since"].as<std::string>(), "--since", false, today);
  if (vm.count("until"))
    r.until = parse_date_option(vm["until"].as<std::string>(), "--until", true, today);
  if (r.since && r.until && *r.until < *r.since)
    throw UsageError("--until " + r.until->iso() + " is before --since " + r.since->iso());
  long long limit = vm["limit"].as<long long>();
  long long offset = vm["offset"].as<long long>();
  if (limit < 1 || limit > 100000) throw UsageError("--limit must be between 1 and 100000");
  if (offset < 0 || offset > 1000000) throw UsageError("--offset must be between 0 and 1000000");
  r.limit = static_cast<std::size_t>(limit);
  r.offset = static_cast<std::size_t>(offset);
  std::string sort = vm["sort"].as<std::string>();
  if (sort == "blend") r.sort = SortOrder::kBlend;
  else if (sort == "relevance") r.sort = SortOrder::kRelevance;
  else if (sort == "date") r.sort = SortOrder::kDate;
  else throw UsageError("--sort '" + sort + "' is not one of blend, relevance, date");
  r.half_life_days = vm["half-life"].as<double>();
  if (!(r.half_life_days > 0 && r.half_life_days < 1e6))
    throw UsageError("--half-life must be a number of days above 0");
  r.recency_weight = vm["recency-weight"].as<double>();
  if (!(r.recency_weight >= 0 && r.recency_weight <= 1))
    throw UsageError("--recency-weight must be between 0 and 1");
  long long context = vm["context"].as<long long>();
  if (context < 0 || context > 1000) throw UsageError("--context must be between 0 and 1000");
  r.context = static_cast<std::size_t>(context);
  r.facets = vm.count("facets") > 0;
  r.one_per_article = vm.count("all-passages") == 0;
  cmd.json = vm.count("json") > 0;
  cmd.explain = vm.count("explain") > 0;
  std::string color = vm["color"].as<std::string>();
  if (color == "auto") cmd.color = ColorMode::kAuto;
  else if (color == "always") cmd.color = ColorMode::kAlways;
  else if (color == "never") cmd.color = ColorMode::kNever;
  else throw UsageError("--color '" + color + "' is not one of auto, always, never");
  cmd.list_speakers = vm.count("speakers") > 0;
  cmd.timeline = vm.count("timeline") > 0 || vm.count("timeline-by") > 0;
  if (vm.count("timeline-by")) {
    std::string by = vm["timeline-by"].as<std::string>();
    if (by == "day") cmd.timeline_by = TimelineGranularity::kDay;
    else if (by == "month") cmd.timeline_by = TimelineGranularity::kMonth;
    else if (by == "year") cmd.timeline_by = TimelineGranularity::kYear;
    else throw UsageError("--timeline-by '" + by + "' is not one of day, month, year");
  }
  if (cmd.timeline && cmd.list_speakers)
    throw UsageError("--timeline and --speakers cannot be used together");
  if (vm.count("timeout-ms")) {
    long long ms = vm["timeout-ms"].as<long long>();
    if (ms < 1 || ms > 3600 * 1000) throw UsageError("--timeout-ms must be between 1 and 3600000");
    cmd.open.remote_timeout = std::chrono::milliseconds(ms);
    cmd.open.time_limit = std::chrono::milliseconds(ms);
  }
  cmd.batch = vm.count("batch") > 0;
  if (cmd.batch) {
    if (!r.query.empty()) throw UsageError("--batch reads its queries from standard input; give no QUERY");
    if (cmd.list_speakers || cmd.timeline)
      throw UsageError("--batch cannot be used with --speakers or --timeline");
    cmd.json = true;
  }
  if (r.query.empty() && r.speakers.empty() && !r.since && !r.until && !cmd.list_speakers &&
      !cmd.batch)
    throw UsageError("no QUERY given (try: brief-search \"New START\")");
  cmd.index_path = vm.count("index") ? vm["index"].as<std::string>() : default_index_path();
  return cmd;
}

}  // namespace brief::cli
