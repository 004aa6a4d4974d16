#include "io/json_file.h"

#include <fstream>
#include <limits>
#include <sstream>

#include "runtime/error.h"

namespace panocast {
namespace {

constexpr const char* kPositiveInfinity = "\"\\u0001panocast:+inf\"";
constexpr const char* kNegativeInfinity = "\"\\u0001panocast:-inf\"";

void restoreInfinities(nlohmann::json& value) {
  if (value.is_structured()) {
    for (auto& child : value) restoreInfinities(child);
  } else if (value.is_string()) {
    const auto& text = value.get_ref<const std::string&>();
    if (text == "\x01panocast:+inf") value = std::numeric_limits<double>::infinity();
    else if (text == "\x01panocast:-inf") value = -std::numeric_limits<double>::infinity();
  }
}

}  // namespace

nlohmann::json parsePythonJson(const std::string& text, const std::string& what) {
  // Rewrite the bare constants outside string literals into marker strings, parse strictly,
  // then turn the markers into numbers (nlohmann refuses out-of-range literals such as 1e999).
  std::string strict;
  strict.reserve(text.size());
  bool inString = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (inString) {
      strict += c;
      if (c == '\\' && i + 1 < text.size()) strict += text[++i];
      else if (c == '"') inString = false;
      continue;
    }
    if (c == '"') inString = true;
    if (text.compare(i, 8, "Infinity") == 0) {
      const bool negative = !strict.empty() && strict.back() == '-';
      if (negative) strict.pop_back();
      strict += negative ? kNegativeInfinity : kPositiveInfinity;
      i += 7;
    } else if (text.compare(i, 3, "NaN") == 0) {
      strict += "null";
      i += 2;
    } else {
      strict += c;
    }
  }
  try {
    nlohmann::json parsed = nlohmann::json::parse(strict);
    restoreInfinities(parsed);
    return parsed;
  } catch (const nlohmann::json::exception& e) {
    throw Error(what + ": not valid JSON (" + e.what() + ")");
  }
}

nlohmann::json readJsonFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(path.string() + ": missing");
  std::ostringstream text;
  text << in.rdbuf();
  return parsePythonJson(text.str(), path.string());
}

}  // namespace panocast
