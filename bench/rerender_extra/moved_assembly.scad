// rerender: lid_x 0 40
// Not part of the re-render set (bench/rerender/*.scad): a two-part lid moved
// as a whole, `translate { part; part; }`, where only the transform's own
// parameter changes; shows the child-union cache (bench/PROFILE.md, session 7).
lid_x = 0;
difference() {
  cube([60, 40, 20]);
  translate([3, 3, 3]) cube([54, 34, 20]);
}
translate([lid_x, 0, 30]) {
  difference() {
    cube([60, 40, 4]);
    for (i = [0:5]) translate([8 + i * 9, 20, -1]) cylinder(r = 3, h = 6, $fn = 32);
  }
  translate([30, 20, 4]) cylinder(r = 8, h = 6, $fn = 48);
}
