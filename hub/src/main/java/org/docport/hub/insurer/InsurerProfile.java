package org.docport.hub.insurer;

import java.util.List;
import org.docport.mappings.snapshot.Address;

/**
 * What an operator may change of a registered insurer's published profile; what is left out (null)
 * stays as it is.
 *
 * @param address the insurer's postal address, as its Plan-Net Organization shows it
 * @param networks product types to set, by network id; networks not listed keep theirs
 */
public record InsurerProfile(Address address, List<NetworkProduct> networks) {

  /**
   * @param id an existing network of the insurer
   * @param productType a Plan-Net InsuranceProductTypeCS code, the type of the network's
   *     InsurancePlan
   */
  public record NetworkProduct(String id, String productType) {}
}
