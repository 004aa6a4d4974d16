#pragma once
// Reading JSON written by Python tools. Python's json module writes the non-standard constants
// Infinity, -Infinity and NaN (diffusers' DPM-Solver configs hold "lambda_min_clipped":
// -Infinity), which strict parsers reject; they are read here as ±infinity and null.
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

namespace panocast {

// Throws panocast::Error naming the file when it is missing or not JSON.
nlohmann::json readJsonFile(const std::filesystem::path& path);
nlohmann::json parsePythonJson(const std::string& text, const std::string& what);

}  // namespace panocast
