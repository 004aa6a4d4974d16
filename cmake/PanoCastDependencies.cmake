# Finds every dependency once, so targets only name imported targets.
#
# Header-only libraries (nlohmann-json, stb, CLI11) come from Debian's packages; on machines
# without them (the GPU machine) scripts/carry-headers.sh copies them into .carry/include.
set(PANOCAST_CARRIED_INCLUDE ${PROJECT_SOURCE_DIR}/.carry/include)

find_package(Torch REQUIRED)

# Fused CUDA kernels where LibTorch was built with CUDA and nvcc is at hand (the GPU machines);
# everywhere else the same operations run through LibTorch.
set(PANOCAST_CUDA_KERNELS 0)
if(TORCH_CUDA_LIBRARIES)
  include(CheckLanguage)
  check_language(CUDA)
  if(CMAKE_CUDA_COMPILER)
    if(NOT DEFINED CMAKE_CUDA_ARCHITECTURES)
      set(CMAKE_CUDA_ARCHITECTURES native)
    endif()
    set(CMAKE_CUDA_STANDARD 17)
    enable_language(CUDA)
    set(PANOCAST_CUDA_KERNELS 1)
  endif()
endif()
find_package(Threads REQUIRED)

function(panocast_find_header var header)
  find_path(${var} ${header} PATHS /usr/include ${PANOCAST_CARRIED_INCLUDE} NO_DEFAULT_PATH)
  find_path(${var} ${header})
  if(NOT ${var})
    message(FATAL_ERROR "${header} not found: install its Debian package or run scripts/carry-headers.sh")
  endif()
endfunction()

panocast_find_header(PANOCAST_JSON_INCLUDE nlohmann/json.hpp)
panocast_find_header(PANOCAST_STB_INCLUDE stb/stb_image.h)
panocast_find_header(PANOCAST_CLI11_INCLUDE CLI/CLI.hpp)

add_library(panocast_headers INTERFACE)
target_include_directories(panocast_headers SYSTEM INTERFACE
  ${PANOCAST_JSON_INCLUDE} ${PANOCAST_STB_INCLUDE} ${PANOCAST_CLI11_INCLUDE})

# OpenEXR reading for the HDR sample panoramas (Blender's use DWAB compression, which only the
# reference OpenEXR library decodes). Optional: GPU machines have no use for it.
find_package(OpenEXR CONFIG QUIET)
set(PANOCAST_HAVE_EXR ${OpenEXR_FOUND})

# Unicode (NFC, case mapping, character classes) for the CLIP tokenizer. Required for the full
# build; optional on GPU machines, where tokenizing needs it carried (see scripts/carry-headers.sh).
if(PANOCAST_ENGINE_ONLY)
  find_package(ICU QUIET COMPONENTS uc)
else()
  find_package(ICU REQUIRED COMPONENTS uc)
endif()
set(PANOCAST_HAVE_ICU ${ICU_FOUND})

# libzip for PyTorch's zip checkpoints (.ckpt/.pth), through pkg-config (Debian's CMake config
# for libzip insists on the zipcmp/zipmerge tools being installed). Optional on GPU machines,
# which load safetensors.
find_package(PkgConfig QUIET)
if(PkgConfig_FOUND)
  pkg_check_modules(LIBZIP QUIET IMPORTED_TARGET libzip)
endif()
if(NOT PANOCAST_ENGINE_ONLY AND NOT LIBZIP_FOUND)
  message(FATAL_ERROR "libzip not found: install libzip-dev (scripts/apt-packages.txt)")
endif()
set(PANOCAST_HAVE_LIBZIP ${LIBZIP_FOUND})

if(NOT PANOCAST_ENGINE_ONLY)
  find_package(OpenCV REQUIRED COMPONENTS core imgproc imgcodecs videoio video ximgproc)
  find_package(Qt6 REQUIRED COMPONENTS Core Gui Widgets OpenGL OpenGLWidgets Multimedia
               MultimediaWidgets PrintSupport Test LinguistTools)
  find_package(QCustomPlotQt6 REQUIRED)  # Debian: libqcustomplot-dev
else()
  find_package(OpenCV QUIET COMPONENTS core imgproc imgcodecs videoio video ximgproc)
endif()
set(PANOCAST_HAVE_OPENCV ${OpenCV_FOUND})
message(STATUS "PanoCast: LibTorch ${Torch_VERSION}, OpenCV ${PANOCAST_HAVE_OPENCV}, EXR ${PANOCAST_HAVE_EXR}")
