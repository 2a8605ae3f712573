import { isManager, useSignedInUser } from '../../features/auth/hooks/use-signed-in-user';
import { AddressBookPage } from '../../features/commerce/components/address-book-page';
import { BuyerOrderPage } from '../../features/commerce/components/buyer-order-page';
import { BuyerOrdersPage } from '../../features/commerce/components/buyer-orders-page';
import { SandboxPayPage } from '../../features/commerce/components/sandbox-pay-page';
import { SellerOrderPage } from '../../features/commerce/components/seller-order-page';
import { SellerOrdersPage } from '../../features/commerce/components/seller-orders-page';
import { FileComplaint } from '../../features/complaints/components/file-complaint';
import { paths } from '../../lib/paths';

export const BuyerOrdersRoute = BuyerOrdersPage;
/** The buyer's order with 投诉 from the complaints feature. */
export const BuyerOrderRoute = () => (
  <BuyerOrderPage
    renderComplaint={(order) => (
      <FileComplaint
        subject={{ kind: 'order', id: order.id }}
        title={order.listingTitle}
        shopper="buyer"
        signInPath={paths.login}
      />
    )}
  />
);
export const PayRoute = SandboxPayPage;
export const AddressBookRoute = AddressBookPage;
export const SellerOrdersRoute = SellerOrdersPage;
/** Refunds are approved by the seller's owners and admins; everyone in the shop may ship. */
export const SellerOrderRoute = () => <SellerOrderPage canApproveRefunds={isManager(useSignedInUser())} />;
