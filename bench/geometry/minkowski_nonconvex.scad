// Stress: 3D minkowski of a non-convex L-shaped solid with a sphere.
minkowski() {
  union() {
    cube([10, 2, 2]);
    cube([2, 10, 2]);
    translate([0, 0, 0]) cube([2, 2, 8]);
  }
  sphere(r = 0.5, $fn = 12);
}
