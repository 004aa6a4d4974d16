#version 330 core
// Per-pixel ray → equirectangular lookup. Mirrors core/geometry (camera.cpp, rays.cpp) exactly,
// so the GPU view and `panocast render` agree pixel for pixel; a GUI test checks that.
//
// Frames: x right, y down, z forward; uRotation maps camera rays to world directions.
// Equirectangular: u = 0.5 + lon/2π (lon = atan2(x, z)), v = 0.5 − lat/π.
in vec2 screen;
out vec4 fragColor;

uniform sampler2D uPanorama;
uniform mat3 uRotation;
uniform float uHalfFov;        // radians
uniform float uAspect;         // height / width
uniform int uProjection;       // 0 rectilinear, 1 stereographic, 2 Panini
uniform float uPaniniD;
uniform vec3 uBackground;      // shown where the panorama has no data (alpha 0)
uniform bool uHasPanorama;

const float PI = 3.14159265358979;

bool screenRay(vec2 s, out vec3 ray) {
  if (uProjection == 0) {
    float t = tan(uHalfFov);
    ray = vec3(s.x * t, -s.y * t, 1.0);
    return true;
  }
  if (uProjection == 1) {
    float radius = max(length(s), 1e-12);
    float theta = 2.0 * atan(radius * tan(uHalfFov / 2.0));
    ray = vec3(sin(theta) * s.x / radius, -sin(theta) * s.y / radius, cos(theta));
    return true;
  }
  float d = uPaniniD;
  float scale = (d + 1.0) * sin(uHalfFov) / (d + cos(uHalfFov));
  float x = s.x * scale, y = s.y * scale;
  float k = x * x / ((d + 1.0) * (d + 1.0));
  float disc = k * k * d * d - (k + 1.0) * (k * d * d - 1.0);
  if (disc < 0.0) return false;
  float cosL = (-k * d + sqrt(disc)) / (k + 1.0);
  float sinL = x * (d + cosL) / (d + 1.0);
  float phi = atan(y * (d + cosL) / (d + 1.0));
  ray = vec3(cos(phi) * sinL, -sin(phi), cos(phi) * cosL);
  return true;
}

void main() {
  if (!uHasPanorama) {
    fragColor = vec4(uBackground, 1.0);
    return;
  }
  vec3 ray;
  if (!screenRay(vec2(screen.x, screen.y * uAspect), ray)) {
    fragColor = vec4(0.0, 0.0, 0.0, 1.0);
    return;
  }
  vec3 world = uRotation * normalize(ray);
  float lon = atan(world.x, world.z);
  float lat = atan(-world.y, length(world.xz));
  vec2 uv = vec2(0.5 + lon / (2.0 * PI), 0.5 - lat / PI);
  // u jumps from 1 to 0 at ±180°: take derivatives of the unwrapped coordinate, or the mipmap
  // selection sees a huge gradient there and draws a seam line.
  vec2 dx = dFdx(uv), dy = dFdy(uv);
  dx.x -= round(dx.x);
  dy.x -= round(dy.x);
  vec4 texel = textureGrad(uPanorama, uv, dx, dy);
  fragColor = vec4(mix(uBackground, texel.rgb, texel.a), 1.0);
}
