#!/bin/bash
echo ECS_CLUSTER=MyCluster >> /etc/ecs/ecs.config
