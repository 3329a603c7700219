CREATE DATABASE lantern_test OWNER lantern;
