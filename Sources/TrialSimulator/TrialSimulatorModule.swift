enum TrialSimulatorModule {}
