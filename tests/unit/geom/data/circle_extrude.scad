linear_extrude(1) circle(r=3);
