#pragma once
// The views library is static, so its compiled-in resources (shaders, icons) must be registered
// explicitly before first use. Safe to call repeatedly.
void panocastInitViewResources();
