x=1;

k=2; // kk
j=3; // jj
m=4; // mm
